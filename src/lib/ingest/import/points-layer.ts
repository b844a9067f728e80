/**
 * A GIS layer of community points (GeoJSON, Shapefile, KML/KMZ) given beside a ledger: it places the ledger's
 * communities — matched by 小区编号, else by name and town (or name alone when only one community has it) — and is
 * not a second list of communities. A ledger row with its own point keeps it (a layer point more than
 * POINT_DIFFERS_METRES away is said); a layer point that matches no community is said by name. Without a ledger
 * among the files the layer is the list of communities itself.
 */
import type { Problem } from '../problems';
import type { RawTable } from '../validate';

/** A layer point this far (metres) from the ledger's own point is said in a notice. */
export const POINT_DIFFERS_METRES = 50;

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function metres(a: [number, number], b: [number, number]): number {
	const k = Math.PI / 180;
	const x = (b[0] - a[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k);
	return Math.hypot(x, (b[1] - a[1]) * k) * 6_371_000;
}

/** Adds lon/lat columns to a ledger table that has none (empty cells). */
function withPointColumns(t: RawTable): void {
	for (const name of ['lon', 'lat'])
		if (!t.placed!.includes(name)) {
			t.placed!.push(name);
			t.header.push(name === 'lon' ? '经度' : '纬度');
			for (const row of t.rows) row.push('');
		}
}

/**
 * Merges the point layers into the ledger's communities tables, in place; returns the tables the validator reads
 * (the layers dropped when a ledger is there).
 */
export function mergePointLayers(tables: RawTable[], layers: Set<RawTable>, problems: Problem[]): RawTable[] {
	const ledgers = tables.filter((t) => t.table === 'communities' && t.placed && !layers.has(t));
	if (layers.size === 0 || ledgers.length === 0) return tables;
	type Row = { t: RawTable; i: number };
	const byId = new Map<string, Row>();
	const byNameTown = new Map<string, Row>();
	const byName = new Map<string, Row[]>();
	for (const t of ledgers) {
		withPointColumns(t);
		const at = (name: string) => t.placed!.indexOf(name);
		t.rows.forEach((row, i) => {
			const id = (row[at('id')] ?? '').trim();
			const name = squash(row[at('name')] ?? '');
			const town = (row[at('town_code')] ?? '').trim();
			if (id) byId.set(id, { t, i });
			if (name) {
				byNameTown.set(`${name}|${town}`, { t, i });
				byName.set(name, [...(byName.get(name) ?? []), { t, i }]);
			}
		});
	}
	for (const layer of layers) {
		const at = (name: string) => layer.placed!.indexOf(name);
		let placed = 0;
		let matched = 0;
		const unmatched: string[] = [];
		layer.rows.forEach((row, k) => {
			const cell = (name: string) => (at(name) < 0 ? '' : (row[at(name)] ?? '').trim());
			const [id, name, town] = [cell('id'), squash(cell('name')), cell('town_code')];
			const hit =
				(id ? byId.get(id) : undefined) ??
				(name && town ? byNameTown.get(`${name}|${town}`) : undefined) ??
				(name && !town && byName.get(name)?.length === 1 ? byName.get(name)![0] : undefined);
			if (!hit) {
				unmatched.push(id || cell('name') || `#${layer.rowNumbers[k]}`);
				return;
			}
			matched++;
			const [lon, lat] = [cell('lon'), cell('lat')];
			if (lon === '' || lat === '') return;
			const [lonAt, latAt] = [hit.t.placed!.indexOf('lon'), hit.t.placed!.indexOf('lat')];
			const target = hit.t.rows[hit.i]!;
			const own = [target[lonAt]!.trim(), target[latAt]!.trim()];
			if (own[0] === '' || own[1] === '') {
				target[lonAt] = lon;
				target[latAt] = lat;
				placed++;
				return;
			}
			const apart = metres([Number(own[0]), Number(own[1])], [Number(lon), Number(lat)]);
			if (apart > POINT_DIFFERS_METRES) {
				const ledgerId = (target[hit.t.placed!.indexOf('id')] ?? '').trim();
				problems.push({
					file: layer.file,
					sheet: layer.sheet,
					row: layer.rowNumbers[k]!,
					community: ledgerId,
					kind: 'point-differs',
					value: `${lon}, ${lat}`,
					zh: `图层中的点与台账（${hit.t.file} 第${hit.t.rowNumbers[hit.i]}行）的坐标相距${Math.round(apart)}米，已保留台账的坐标`,
					en: `the layer's point is ${Math.round(apart)} m from the ledger's (${hit.t.file} row ${hit.t.rowNumbers[hit.i]}); the ledger's kept`,
					level: 'notice'
				});
			}
		});
		problems.push({
			file: layer.file,
			sheet: layer.sheet,
			row: 0,
			kind: 'points-layer',
			zh: `点位图层与台账按小区编号（或名称和乡镇街道）对应：${matched}个点对上台账的小区，其中${placed}个小区由图层定位（其余台账已有坐标）${unmatched.length > 0 ? `；${unmatched.length}个点在台账中找不到，未导入：${unmatched.slice(0, 10).join('、')}${unmatched.length > 10 ? '…' : ''}` : ''}`,
			en: `point layer matched to the ledger by id (or name and town): ${matched} point(s) matched, ${placed} communities placed by the layer (the others had their own point)${unmatched.length > 0 ? `; ${unmatched.length} point(s) match no community and were not imported: ${unmatched.slice(0, 10).join(', ')}${unmatched.length > 10 ? '…' : ''}` : ''}`,
			level: 'notice'
		});
	}
	return tables.filter((t) => !layers.has(t));
}
