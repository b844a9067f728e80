// The public page's two files (compact.ts): the points apart from the search's text, gzipped, read back equal;
// a search file that is not row for row with its points is refused; a build from before the split (one
// progress.arrow) gives the same two files. The equality with the SQL is tests/data/public-answers.test.ts.
import { makeVector, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
	gunzipped,
	POINTS_FILE,
	progressColumns,
	progressFiles,
	readLegacyProgress,
	readProgressPoints,
	readProgressSearch,
	SEARCH_FILE,
	STAGE_CODES,
	type ProgressSource
} from '../../../src/lib/progress/compact';
import { searchColumns } from '../../../src/lib/progress/find';

const row = (i: number, over: Partial<ProgressSource> = {}): ProgressSource => ({
	id: `YQ${String(i).padStart(6, '0')}`,
	name: `东浦${i}区`,
	address: i % 3 ? `乐清市城东街道${i}号` : null,
	town_code: `3303820${i % 4}`,
	lon: 120.9 + i / 997,
	lat: 28.1 + i / 991,
	households: 20 + i,
	stage: i % 2 ? STAGE_CODES[(i % (STAGE_CODES.length - 1)) + 1]! : 'none',
	completed_date: i % 2 ? `2024-0${(i % 9) + 1}-15` : null,
	name_initials: `dp${i}q`,
	name_pinyin: `dongpu${i}qu`,
	...over
});

async function readBoth(files: Record<string, Uint8Array>) {
	const points = readProgressPoints(await gunzipped(files[POINTS_FILE]!));
	return readProgressSearch(await gunzipped(files[SEARCH_FILE]!), points);
}

describe('the progress files (the public first screen, issue 13)', () => {
	const rows = Array.from({ length: 300 }, (_, i) => row(299 - i));
	const cols = progressColumns(rows);

	it('read back equal to what was written, ordered by id; households as narrow as their values', async () => {
		const back = await readBoth(progressFiles(cols));
		expect(back).toEqual(cols);
		expect(back.id[0]).toBe('YQ000000');
		expect(back.households).toBeInstanceOf(Uint16Array);
		expect(progressColumns([row(1)]).households).toBeInstanceOf(Uint8Array);
		expect(progressColumns([row(1, { households: 70_000 })]).households).toBeInstanceOf(Uint32Array);
		// float32: within a metre of the source's coordinate
		for (const [i, r] of [...rows].reverse().entries())
			expect(Math.abs(back.lon[i]! - r.lon)).toBeLessThan(1e-5);
	});

	it('are gzip, deterministic, and taken as they are when a server has already unpacked them', async () => {
		const a = progressFiles(cols);
		expect(a).toEqual(progressFiles(cols));
		const plain = gunzipSync(a[POINTS_FILE]!);
		expect(readProgressPoints(await gunzipped(plain))).toEqual(readProgressPoints(plain));
		// the text is in the search file, not the points
		expect(new TextDecoder().decode(plain)).not.toContain('东浦');
		expect(new TextDecoder().decode(gunzipSync(a[SEARCH_FILE]!))).toContain('东浦');
	});

	it('refuses a search file from another build (not row for row with the points)', async () => {
		const points = readProgressPoints(await gunzipped(progressFiles(cols)[POINTS_FILE]!));
		const other = progressFiles(progressColumns(rows.slice(1)))[SEARCH_FILE]!;
		expect(() => readProgressSearch(gunzipSync(other), points)).toThrow(/299 rows/);
	});

	it('a build from before the split (one progress.arrow, float64) gives the same files and answers', async () => {
		const legacy = tableToIPC(
			new Table({
				...Object.fromEntries(
					(['id', 'name', 'address', 'townCode', 'completedMonth', 'initials', 'pinyin'] as const).map(
						(k) => [k, vectorFromArray(cols[k], new Utf8())]
					)
				),
				lon: makeVector(Float64Array.from([...rows].reverse(), (r) => r.lon)),
				lat: makeVector(Float64Array.from([...rows].reverse(), (r) => r.lat)),
				households: makeVector(Uint32Array.from(cols.households)),
				stage: makeVector(cols.stage)
			}),
			'file'
		);
		const split = progressFiles(readLegacyProgress(legacy));
		expect(split).toEqual(progressFiles(cols));
		expect(searchColumns(await readBoth(split), 'dp1')).toEqual(searchColumns(cols, 'dp1'));
	});
});
