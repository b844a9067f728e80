/**
 * Checks across rows, before validation, on the normalised text: longitude and latitude swapped (乐清 lies near
 * 120.9°E, 28.1°N), plausibility (plausibility.ts: ㎡ per household, exclusive share, owners per household, works
 * cost per household, per ㎡ and per item) and the same community under two ids (same name and town, or points
 * within DUPLICATE_METRES with the same address). Each refused row gets its error and is left out.
 */
import type { Problem } from '../problems';
import type { RawTable } from '../validate';
import {
	AREA_PER_HOUSEHOLD,
	COST_PER_HOUSEHOLD,
	COST_PER_M2,
	EXCLUSIVE_PER_HOUSEHOLD,
	EXCLUSIVE_SHARE,
	ITEM_COST,
	judge,
	OWNERS_PER_HOUSEHOLD,
	VOTE_SHARE_MAX,
	VOTE_TOTAL_TOLERANCE,
	type Range
} from './plausibility';
import { shiftDecimal } from './units';

/** Two points this close (metres) with the same address are one community. */
export const DUPLICATE_METRES = 50;

type Refuse = (
	t: RawTable,
	i: number,
	column: string,
	kind: string,
	zh: string,
	en: string,
	value?: string
) => void;

const num = (t: RawTable, row: string[], name: string): number => {
	const at = t.placed!.indexOf(name);
	const text = at < 0 ? '' : (row[at] ?? '').trim();
	return text === '' ? NaN : Number(text);
};
const text = (t: RawTable, row: string[], name: string): string => {
	const at = t.placed!.indexOf(name);
	return at < 0 ? '' : (row[at] ?? '').trim();
};
const headerOf = (t: RawTable, name: string) => t.header[t.placed!.indexOf(name)] ?? name;

function metres(a: [number, number], b: [number, number]): number {
	const k = Math.PI / 180;
	const x = (b[0] - a[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k);
	return Math.hypot(x, (b[1] - a[1]) * k) * 6_371_000;
}

function communityRow(t: RawTable, i: number, refuse: Refuse): boolean {
	const row = t.rows[i]!;
	const [lon, lat] = [num(t, row, 'lon'), num(t, row, 'lat')];
	if (lon >= 3 && lon <= 54 && lat >= 73 && lat <= 136) {
		refuse(
			t,
			i,
			`${headerOf(t, 'lon')}/${headerOf(t, 'lat')}`,
			'lat-lon-swapped',
			'经度和纬度像是填反了（乐清约为经度120.9、纬度28.1），请对调后重新导入',
			'longitude and latitude look swapped (乐清 is near 120.9°E, 28.1°N); swap them and import again',
			`${text(t, row, 'lon')}, ${text(t, row, 'lat')}`
		);
		return false;
	}
	const [area, excl, hh, owners] = ['building_area', 'exclusive_area', 'households', 'owners'].map((n) =>
		num(t, row, n)
	);
	let ok = true;
	const check = (range: Range, value: number, column: string, unit: '㎡' | '元' | '') => {
		const v = judge(range, value, { zh: headerOf(t, column), unit });
		if (!v.ok) {
			refuse(t, i, headerOf(t, column), 'unit-suspect', v.zh, v.en, text(t, row, column));
			ok = false;
		}
		return v.ok;
	};
	const a = check(AREA_PER_HOUSEHOLD, area! / hh!, 'building_area', '㎡');
	const e = check(EXCLUSIVE_PER_HOUSEHOLD, excl! / hh!, 'exclusive_area', '㎡');
	if (a && e && excl! <= area!) check(EXCLUSIVE_SHARE, excl! / area!, 'exclusive_area', '㎡');
	check(OWNERS_PER_HOUSEHOLD, owners! / hh!, 'owners', '');
	const satisfaction = num(t, row, 'satisfaction');
	if (satisfaction > 0 && satisfaction < 1) {
		const shown = text(t, row, 'satisfaction');
		refuse(
			t,
			i,
			headerOf(t, 'satisfaction'),
			'unit-suspect',
			`满意度为${shown}，像是以比例填写（${shown} 即 ${shiftDecimal(shown, 2)}%），应为0–100的分数`,
			`satisfaction is ${shown}: looks like a fraction (${shown} is ${shiftDecimal(shown, 2)}%); expected a score 0–100`,
			shown
		);
		ok = false;
	}
	return ok;
}

/** Returns the ids of the communities it refused (rows of other tables referring to them are left out). */
export function checkRows(tables: RawTable[], problems: Problem[]): Set<string> {
	const refused = new Map<RawTable, Set<number>>();
	const refuse: Refuse = (t, i, column, kind, zh, en, value) => {
		problems.push({
			file: t.file,
			sheet: t.sheet,
			row: t.rowNumbers[i]!,
			column,
			value,
			kind,
			zh,
			en,
			level: 'error'
		});
		if (!refused.has(t)) refused.set(t, new Set());
		refused.get(t)!.add(i);
	};
	const communities = tables.filter((t) => t.table === 'communities' && t.placed);
	// Households are never in 万: works are judged per household even when the community's areas were refused.
	const sizes = new Map<string, { area: number; households: number }>();
	const refusedIds = new Set<string>();
	for (const t of communities) {
		t.rows.forEach((row, i) => {
			const ok = communityRow(t, i, refuse);
			const id = text(t, row, 'id');
			if (!ok) refusedIds.add(id);
			const area = ok ? num(t, row, 'building_area') : NaN;
			sizes.set(id, { area, households: num(t, row, 'households') });
		});
	}
	checkDuplicates(communities, refuse, refused);
	const totals = new Map<string, { owners: number; exclusive: number; row: number; file: string }>();
	for (const t of communities)
		t.rows.forEach((row, i) =>
			totals.set(text(t, row, 'id'), {
				owners: num(t, row, 'owners'),
				exclusive: num(t, row, 'exclusive_area'),
				row: t.rowNumbers[i]!,
				file: t.file
			})
		);
	for (const t of tables.filter((x) => x.table === 'votes' && x.placed))
		t.rows.forEach((_, i) => checkVote(t, i, totals, refuse));
	for (const t of tables.filter((x) => x.table === 'works' && x.placed)) {
		const totals = new Map<string, { sum: number; first: number }>();
		t.rows.forEach((row, i) => {
			for (const column of ['estimated_cost', 'final_cost']) {
				const v = judge(ITEM_COST, num(t, row, column), { zh: headerOf(t, column), unit: '元' });
				if (!v.ok) refuse(t, i, headerOf(t, column), 'unit-suspect', v.zh, v.en, text(t, row, column));
			}
			const id = text(t, row, 'community_id');
			const cost = num(t, row, 'estimated_cost');
			if (!Number.isFinite(cost)) return;
			const s = totals.get(id) ?? { sum: 0, first: i };
			s.sum += cost;
			totals.set(id, s);
		});
		for (const [id, { sum, first }] of totals) {
			const c = sizes.get(id);
			if (!c || refused.get(t)?.has(first)) continue;
			const field = { zh: headerOf(t, 'estimated_cost'), unit: '元' as const };
			const v = [
				judge(COST_PER_HOUSEHOLD, sum / c.households, field),
				judge(COST_PER_M2, sum / c.area, field)
			].find((x) => !x.ok);
			if (v && !v.ok)
				refuse(
					t,
					first,
					field.zh,
					'unit-suspect',
					`小区 ${id} 的${v.zh}`,
					`community ${id}: ${v.en}`,
					String(sum)
				);
		}
	}
	for (const [t, rows] of refused) {
		const keep = t.rows.map((_, i) => i).filter((i) => !rows.has(i));
		t.rows = keep.map((i) => t.rows[i]!);
		t.rowNumbers = keep.map((i) => t.rowNumbers[i]!);
	}
	return refusedIds;
}

const VOTE_AREAS = ['total_area', 'participating_area', 'agree_area'] as const;
const VOTE_OWNERS = ['total_owners', 'participating_owners', 'agree_owners'] as const;

/**
 * One vote's tallies against each other and the community: an area of a ㎡ or less beside a total of hundreds is a
 * share pasted as ㎡ (0.812 for 81.2 %, which would turn a passed vote into a failed one); a headcount under one
 * likewise; the totals must be the community's own (业主人数, 专有部分面积) within VOTE_TOTAL_TOLERANCE.
 */
function checkVote(
	t: RawTable,
	i: number,
	communities: Map<string, { owners: number; exclusive: number; row: number; file: string }>,
	refuse: Refuse
): void {
	const row = t.rows[i]!;
	const id = text(t, row, 'community_id');
	const c = communities.get(id);
	const totalArea = num(t, row, 'total_area');
	const scale = Number.isFinite(totalArea) && totalArea > 100 ? totalArea : (c?.exclusive ?? NaN);
	for (const column of VOTE_AREAS) {
		const v = num(t, row, column);
		if (!(v > 0 && v <= VOTE_SHARE_MAX && scale > 100)) continue;
		const shown = text(t, row, column);
		const pct = shiftDecimal(shown, 2);
		refuse(
			t,
			i,
			headerOf(t, column),
			'vote-share',
			`${headerOf(t, column)}为${shown}平方米，而专有面积总数约${Math.round(scale)}平方米：像是把比例（${pct}%）粘贴成了面积。请填写平方米数（如 ${shown} 是占总面积的比例，约为 ${Math.round(v * scale)} 平方米）`,
			`${column} is ${shown} ㎡ against a total of about ${Math.round(scale)} ㎡: looks like a share (${pct} %) pasted as an area; give square metres (as a share of the total, about ${Math.round(v * scale)} ㎡)`,
			shown
		);
		return;
	}
	for (const column of VOTE_OWNERS) {
		const v = num(t, row, column);
		if (!(v > 0 && v < 1)) continue;
		const shown = text(t, row, column);
		refuse(
			t,
			i,
			headerOf(t, column),
			'vote-share',
			`${headerOf(t, column)}为${shown}：像是把比例（${shiftDecimal(shown, 2)}%）粘贴成了人数，请填写人数`,
			`${column} is ${shown}: looks like a share (${shiftDecimal(shown, 2)} %) pasted as a headcount; give the number of owners`,
			shown
		);
		return;
	}
	if (!c) return;
	const pairs: [string, number, number, string, string][] = [
		['total_owners', num(t, row, 'total_owners'), c.owners, '业主人数', 'owners'],
		['total_area', totalArea, c.exclusive, '专有部分面积', 'exclusive_area']
	];
	for (const [column, vote, own, zh, en] of pairs) {
		if (!Number.isFinite(vote) || !Number.isFinite(own) || own <= 0) continue;
		const off = Math.abs(vote - own) / own;
		if (off <= VOTE_TOTAL_TOLERANCE) continue;
		refuse(
			t,
			i,
			headerOf(t, column),
			'vote-totals',
			`${headerOf(t, column)}（${text(t, row, column)}）与小区 ${id} 的${zh}（${own}，${c.file} 第${c.row}行）相差${Math.round(off * 100)}%：表决以全体业主和全部专有面积为基数（§三(一)），请核对`,
			`${column} (${text(t, row, column)}) is ${Math.round(off * 100)} % off community ${id}'s ${en} (${own}, ${c.file} row ${c.row}): a vote counts all owners and all exclusive area (§三(一)); check both`,
			text(t, row, column)
		);
		return;
	}
}

function checkDuplicates(communities: RawTable[], refuse: Refuse, refused: Map<RawTable, Set<number>>): void {
	type Seen = {
		t: RawTable;
		i: number;
		id: string;
		key: string;
		address: string;
		point: [number, number];
	};
	// indexed by name+town and by address, so a national ledger is checked in one pass (a scan of every row seen
	// before each row took hours at 300k communities)
	const byKey = new Map<string, Seen[]>();
	const byAddress = new Map<string, Seen[]>();
	const add = (map: Map<string, Seen[]>, k: string, s: Seen) => {
		const list = map.get(k);
		if (list) list.push(s);
		else map.set(k, [s]);
	};
	for (const t of communities) {
		t.rows.forEach((row, i) => {
			if (refused.get(t)?.has(i)) return;
			const id = text(t, row, 'id');
			const key = `${text(t, row, 'name').replace(/\s+/g, '')}|${text(t, row, 'town_code')}`;
			const address = text(t, row, 'address').replace(/\s+/g, '');
			const point: [number, number] = [num(t, row, 'lon'), num(t, row, 'lat')];
			const candidates = [
				...(byKey.get(key) ?? []),
				...(address !== '' ? (byAddress.get(address) ?? []) : [])
			].sort((a, b) => (a.t === b.t ? a.i - b.i : 0));
			const same = candidates.find(
				(s) =>
					s.id !== id &&
					(s.key === key ||
						(address !== '' && s.address === address && metres(s.point, point) <= DUPLICATE_METRES))
			);
			if (same) {
				const where =
					same.t === t
						? `第${same.t.rowNumbers[same.i]}行`
						: `${same.t.file} 第${same.t.rowNumbers[same.i]}行`;
				const why =
					same.key === key
						? ['名称和乡镇街道相同', 'same name and town']
						: [`地址相同且相距不到${DUPLICATE_METRES}米`, `same address, within ${DUPLICATE_METRES} m`];
				refuse(
					t,
					i,
					headerOf(t, 'id'),
					'duplicate',
					`与${where}（编号 ${same.id}）是同一个小区（${why[0]}），编号却不同：请删去一行或合并`,
					`the same community as row ${same.t.rowNumbers[same.i]} (id ${same.id}) under another id (${why[1]}): delete or merge one`,
					id
				);
			} else {
				const seen: Seen = { t, i, id, key, address, point };
				add(byKey, key, seen);
				if (address !== '') add(byAddress, address, seen);
			}
		});
	}
}
