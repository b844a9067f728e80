/**
 * Checks across a community row before validation: longitude and latitude swapped (乐清 lies near 120.9°E, 28.1°N;
 * a row with 28.1 as longitude and 120.9 as latitude is refused saying so). Refused rows are left out.
 */
import type { Problem } from '../problems';
import type { RawTable } from '../validate';

/** Removes rows in place; returns nothing, adds one error per refused row. */
export function checkCommunities(tables: RawTable[], problems: Problem[]): void {
	for (const t of tables.filter((x) => x.table === 'communities' && x.placed)) {
		const at = (name: string) => t.placed!.indexOf(name);
		const [lonAt, latAt] = [at('lon'), at('lat')];
		if (lonAt < 0 || latAt < 0) continue;
		const keep: number[] = [];
		t.rows.forEach((row, i) => {
			const [lon, lat] = [Number(row[lonAt]), Number(row[latAt])];
			const swapped = row[lonAt]!.trim() !== '' && lon >= 3 && lon <= 54 && lat >= 73 && lat <= 136;
			if (!swapped) return void keep.push(i);
			problems.push({
				file: t.file,
				sheet: t.sheet,
				row: t.rowNumbers[i]!,
				column: `${t.header[lonAt]}/${t.header[latAt]}`,
				value: `${row[lonAt]}, ${row[latAt]}`,
				kind: 'lat-lon-swapped',
				zh: '经度和纬度像是填反了（乐清约为经度120.9、纬度28.1），请对调后重新导入',
				en: 'longitude and latitude look swapped (乐清 is near 120.9°E, 28.1°N); swap them and import again',
				level: 'error'
			});
		});
		t.rows = keep.map((i) => t.rows[i]!);
		t.rowNumbers = keep.map((i) => t.rowNumbers[i]!);
	}
}
