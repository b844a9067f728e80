// The office's files that must get in, right (tests/fixtures/office/, made by tests/fixtures/make-office.ts), and
// the importer's parts: exact units, the decade rule, the keeper's mapping, 数据截至.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles, type ImportOptions } from '../../../src/lib/ingest/import';
import { MAX_ROWS } from '../../../src/lib/ingest/import/decode';
import { placeHeader } from '../../../src/lib/ingest/import/headers';
import { resolveTown } from '../../../src/lib/ingest/import/towns';
import { shiftDecimal } from '../../../src/lib/ingest/import/units';
import { readYears } from '../../../src/lib/ingest/import/years';
import { validateTownRegions } from '../../../src/lib/ingest/regions';
import { geo, load, locate } from './load';

const office = (name: string) => `tests/fixtures/office/${name}`;
const AREAS = [18000, 24000, 9000];
const EXCLUSIVE = [15500, 21000, 7800];
const options: ImportOptions = { defaultTowns: geo.towns, locate };
const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

async function accepted(name: string) {
	const r = await load([office(name)]);
	expect(r.errors).toEqual([]);
	expect(r.dataset.communities.map((c) => c.id)).toEqual(['FC001', 'FC002', 'FC003']);
	expect(r.dataset.communities.map((c) => c.building_area)).toEqual(AREAS);
	expect(r.dataset.communities.map((c) => c.exclusive_area)).toEqual(EXCLUSIVE);
	return r;
}

describe('the office corpus, accepted', () => {
	it('UTF-16 with BOM, tab-separated (Excel "Unicode 文本")', async () => {
		const r = await accepted('utf16-tab');
		expect(r.notices).toEqual([]);
		expect(r.dataset.communities[0]!.name).toBe('试验一村');
	});

	it('a unit line 单位：万元、万平方米 converts the plain area columns exactly, said once', async () => {
		const r = await accepted('unit-line');
		expect(r.notices.map((n) => [n.kind, n.row])).toEqual([
			['unit-line', 1],
			['header-found', 2]
		]);
	});

	it('a title row and a two-row merged header with units in the sub-headers; 万元 on works, exact', async () => {
		const r = await accepted('two-row-header');
		expect(r.notices.map((n) => [n.kind, n.sheet, n.row, n.zh])).toEqual([
			['header-found', '小区', 2, '表头在第2–3行（两行表头），上方的标题行已跳过']
		]);
		// 100.0049 万元 is 1000049 元 exactly (floating-point × 10000 gives 1000049.0000000001)
		expect(r.dataset.works.map((w) => w.estimated_cost)).toEqual([1205000, 1000049]);
		expect(r.input.tables[0]!.header[7]).toBe('面积/建筑面积（万㎡）');
	});

	it('pasted values: full-width digits, thousands separators, zero-width and no-break spaces removed (one notice)', async () => {
		const r = await accepted('pasted-values');
		expect(r.notices.map((n) => n.kind)).toEqual(['invisible']);
		expect(r.dataset.communities.map((c) => [c.name, c.households, c.address])).toEqual([
			['试验一村', 140, '乐成街道示例路1号'],
			['试验二村', 190, '城南街道示例路2号'],
			['试验三村', 80, '柳市镇示例路3号']
		]);
	});

	it('town boundaries in projected CGCS2000 (EPSG:4549, XZQDM/XZQMC) are converted and lie in 乐清', async () => {
		const r = await accepted('projected-cgcs2000');
		expect(r.notices.map((n) => n.kind)).toEqual(['crs']);
		const regions = r.input.townRegions!;
		expect(regions.features.map((f) => f.properties!.code)).toContain('330382002');
		const codes = new Set(geo.towns.map((t) => t.code));
		expect(validateTownRegions(regions, codes, geo.outline, 'b.geojson')).toEqual([]);
		const ring = (regions.features[0]!.geometry as GeoJSON.Polygon).coordinates[0]![0]!;
		expect(ring[0]).toBeGreaterThan(120.5);
		expect(ring[0]).toBeLessThan(121.3);
	});

	it('the 说明 sheet’s 数据截至 becomes asOf', async () => {
		const r = await accepted('as-of');
		expect(r.input.asOf).toBe('2024-06-30');
	});
});

describe('the importer’s parts', () => {
	it('shifts decimals exactly', () => {
		expect(
			['1.8', '120.5', '0.875', '10.0049', '1e-7', '-0.5', '0.0001'].map((t) => shiftDecimal(t, 4))
		).toEqual(['18000', '1205000', '8750', '100049', '0.001', '-5000', '1']);
	});

	it('places headers with their units: in brackets, after a slash, or simply after the name', () => {
		const place = (table: 'communities' | 'works', h: string) => {
			const p = placeHeader(table, h);
			return p ? [p.column.name, p.unit?.shift ?? 0] : undefined;
		};
		expect([
			place('communities', '建筑面积（万㎡）'),
			place('communities', '建筑面积 万平方米'),
			place('communities', '改造面积(平方米)'),
			place('works', '总投资/万元'),
			place('works', '概算投资万元'),
			place('communities', '乡镇（街道）'),
			place('communities', '面积')
		]).toEqual([
			['building_area', 4],
			['building_area', 4],
			['building_area', 0],
			['estimated_cost', 4],
			['estimated_cost', 4],
			['town_code', 0],
			undefined
		]);
	});

	it('reads dates as offices type them; a day that does not exist still fails in the validator', async () => {
		const dates = ['20240301', '2024年3月1号', '2024-03-01 00:00:00', '2024.3.1', '20240230'];
		const text = '小区编号,阶段,日期\n' + dates.map((d) => `FC001,征求意见,${d}`).join('\n') + '\n';
		const r = await importFiles([csv('stage_events.csv', text)], options);
		const cells = r.tables[0]!.rows.map((row) => row[2]);
		expect(cells).toEqual(dates); // the office's rows as they were
		const bad = r.problems.filter((p) => p.column === '日期');
		expect(bad.map((p) => [p.row, p.value])).toEqual([[6, '20240230']]); // quoted as written
	});

	it('reads years, decades and spans; leaves 初/中/末 and the like unread', () => {
		const read = (t: string) => {
			const r = readYears(t);
			return r ? [r.from, r.to, r.kind] : undefined;
		};
		expect(
			[
				'1998年建成',
				'90年代',
				'上世纪80年代',
				'九十年代',
				'1985-1990',
				'1985～1990年',
				'八十年代末',
				'1990年前后'
			].map(read)
		).toEqual([
			[1998, 1998, 'year'],
			[1990, 1999, 'decade'],
			[1980, 1989, 'decade'],
			[1990, 1999, 'decade'],
			[1985, 1990, 'year-range'],
			[1985, 1990, 'year-range'],
			undefined,
			undefined
		]);
	});

	it('town names with the county before them, 街道办, or numbered, resolve to one town', () => {
		const codes = ['乐清市乐成街道', '浙江省温州市乐清市柳市镇', '乐成街道办', '2.虹桥镇', '柳市'].map(
			(t) => {
				const r = resolveTown(t, geo.towns);
				return r.ok === true ? r.code : r.ok;
			}
		);
		expect(codes).toEqual(['330382002', '330382114', '330382002', '330382108', '330382114']);
		expect(resolveTown('乐清', geo.towns)).toEqual({ ok: 'unknown' });
	});

	it('a decade that spans the policy’s cutoff (end of 2000, §二(一)) is refused asking for the year', async () => {
		const text = readFileSync('tests/fixtures/field-cases/05-year-as-text/communities.csv', 'utf8');
		const r = await importFiles([csv('c.csv', text.replace('1990年代', '2000年代'))], options);
		const e = r.problems.find((p) => p.row === 2 && p.level === 'error')!;
		expect([e.kind, e.value]).toEqual(['decade', '2000年代']);
		expect(e.zh).toContain('跨越2000年底');
	});

	it('a unit that does not fit the column is an error, never a silent conversion', async () => {
		const r = await importFiles(
			[csv('works.csv', '小区编号,改造项目,概算金额（万㎡）\nFC001,building.basic.1.1,3\n')],
			options
		);
		expect(r.problems.filter((p) => p.kind === 'unit-mismatch').map((p) => p.column)).toEqual([
			'概算金额（万㎡）'
		]);
	});

	it('an unplaced column is reported with samples, and the keeper’s mapping places it with its unit', async () => {
		const text =
			'id,name,town_code,lon,lat,completion_year,楼面积（估）,households,owners,exclusive_area,buildings,housing_type,in_shantytown_plan,facilities_deficient,strong_will,property_management\nA1,甲村,乐成,120.963,28.119,1990,1.8,140,138,15500,5,商品房,否,是,是,无\n';
		const before = await importFiles([csv('communities.csv', text)], options);
		expect(before.unplaced).toEqual([
			{
				file: 'communities.csv',
				table: 'communities',
				header: '楼面积（估）',
				headerRow: 1,
				samples: ['1.8']
			}
		]);
		// not placed, the fact is missing (资料不全), said in the summary — never a silent 0
		expect(before.dataset.communities[0]!.building_area).toBeNull();
		expect(before.problems.find((p) => p.kind === 'facts-missing')?.zh).toContain('建筑面积缺1个');
		const mapping = {
			version: 1 as const,
			columns: [
				{ table: 'communities' as const, header: '楼面积（估）', column: 'building_area', unit: '万㎡' }
			]
		};
		const after = await importFiles([csv('communities.csv', text)], { ...options, mapping });
		expect(after.unplaced).toEqual([]);
		expect(after.problems.filter((p) => p.level === 'error')).toEqual([]);
		expect(after.dataset.communities[0]!.building_area).toBe(18000);
	});

	it('two headers for one column: our own header is read, the other offered for mapping with a notice', async () => {
		const text = readFileSync('tests/fixtures/field-cases/24-duplicate-community/communities.csv', 'utf8')
			.split('\n')
			.slice(0, 4)
			.map((l, i) => (i === 0 ? `改造面积,${l.replace('\ufeff', '')}` : l ? `1,${l}` : l))
			.join('\n');
		const r = await importFiles([csv('communities.csv', text)], options);
		expect(r.problems.filter((p) => p.level === 'error')).toEqual([]);
		expect(r.problems.map((p) => [p.kind, p.column])).toEqual([['duplicate-column', '改造面积']]);
		expect(r.unplaced.map((u) => u.header)).toEqual(['改造面积']);
		expect(r.dataset.communities.map((c) => c.building_area)).toEqual([18000, 24000, 9000]);
	});

	it('a table longer than MAX_ROWS is refused before it is checked', async () => {
		const text = '小区编号,小区名称\n' + 'x,y\n'.repeat(MAX_ROWS + 1);
		const r = await importFiles([csv('communities.csv', text)], options);
		expect(r.problems.map((p) => [p.kind, p.level])).toEqual([['too-many-rows', 'error']]);
	});

	it('a towns table with 12-digit 统计用区划代码: cut to 9 digits, one notice, and communities resolve against it', async () => {
		const towns =
			'区划代码,名称,类型,城关,驻地经度,驻地纬度\n' +
			geo.towns
				.map((t) =>
					[`${t.code}000`, t.name, t.kind, t.central ? '是' : '否', t.seat_lon, t.seat_lat].join(',')
				)
				.join('\n');
		const communities = readFileSync('tests/fixtures/field-cases/06-town-short-names/communities.csv');
		const r = await importFiles(
			[csv('towns.csv', towns), { name: 'communities.csv', bytes: communities }],
			options
		);
		expect(r.problems.filter((p) => p.level === 'error')).toEqual([]);
		expect(r.problems.filter((p) => p.file === 'towns.csv').map((p) => p.kind)).toEqual(['town-mapped']);
		expect(r.dataset.towns.map((t) => t.code)).toContain('330382114');
		expect(r.dataset.communities.map((c) => c.town_code)).toEqual(['330382002', '330382003', '330382114']);
	});

	it('units typed in the cell (1.8万㎡, 120.5万元, 140户, 5幢) are read exactly; a unit that does not fit is refused', async () => {
		const lines = readFileSync(
			'tests/fixtures/field-cases/24-duplicate-community/communities.csv',
			'utf8'
		).split('\n');
		const row = lines[1]!.split(',');
		row[7] = '1.8万㎡';
		row[9] = '140户';
		row[12] = '5幢';
		const bad = lines[2]!.split(',');
		bad[7] = '24000户';
		const text = [lines[0], row.join(','), bad.join(','), ''].join('\n');
		const works = '小区编号,改造项目,概算金额\nFC001,building.basic.1.1,120.5万元\n';
		const r = await importFiles([csv('communities.csv', text), csv('works.csv', works)], options);
		expect(
			r.problems.filter((p) => p.level === 'error').map((p) => [p.row, p.column, p.value, p.kind])
		).toEqual([[3, '建筑面积', '24000户', 'unit-mismatch']]);
		expect(r.dataset.communities.map((c) => [c.building_area, c.households, c.buildings])).toEqual([
			[18000, 140, 5]
		]);
		expect(r.dataset.works.map((w) => w.estimated_cost)).toEqual([1205000]);
	});

	it('a satisfaction typed as a fraction (0.92) is refused as one, never stored as 0.92 on the 0–100 scale', async () => {
		const lines = readFileSync(
			'tests/fixtures/field-cases/24-duplicate-community/communities.csv',
			'utf8'
		).split('\n');
		const row = lines[1]!.trimEnd().split(',');
		row[19] = '0.92';
		const text = [lines[0], row.join(','), ''].join('\n');
		const r = await importFiles([csv('communities.csv', text)], options);
		const e = r.problems.filter((p) => p.level === 'error');
		expect(e.map((p) => [p.row, p.column, p.value, p.kind])).toEqual([[2, '满意度', '0.92', 'unit-suspect']]);
		expect(e[0]!.zh).toContain('0.92 即 92%');
	});

	it('a workbook’s formatted empty rows after the data are dropped silently; a blank row inside is said', async () => {
		const ExcelJS = (await import('exceljs')).default;
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('小区');
		const lines = readFileSync('tests/fixtures/field-cases/24-duplicate-community/communities.csv', 'utf8')
			.replace('\ufeff', '')
			.split(/\r?\n/);
		const typed = (l: string) =>
			l.split(',').map((c) => (c !== '' && !Number.isNaN(Number(c)) ? Number(c) : c));
		ws.addRow(typed(lines[0]!));
		ws.addRow(typed(lines[1]!));
		ws.addRow([]);
		ws.addRow(typed(lines[2]!));
		for (let r = 6; r <= 40; r++)
			ws.getCell(r, 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const r = await importFiles([{ name: '台账.xlsx', bytes }], options);
		expect(r.problems.map((p) => [p.kind, p.row])).toEqual([['blank-rows', 3]]);
		expect(r.dataset.communities).toHaveLength(2);
	});

	it('an "xls" a web system wrote as an HTML table is read as a workbook', async () => {
		const lines = readFileSync('tests/fixtures/field-cases/24-duplicate-community/communities.csv', 'utf8')
			.replace('\ufeff', '')
			.split(/\r?\n/)
			.slice(0, 4);
		const tr = (l: string) =>
			`<tr>${l
				.split(',')
				.map((c) => `<td>${c}</td>`)
				.join('')}</tr>`;
		const html = `<html><head><meta charset="utf-8"></head><body><table>${lines.map(tr).join('')}</table></body></html>`;
		const r = await importFiles([csv('导出.xls', html)], options);
		expect(r.problems.filter((p) => p.level === 'error')).toEqual([]);
		expect(r.dataset.communities.map((c) => [c.name, c.building_area])).toEqual([
			['试验一村', 18000],
			['试验二村', 24000],
			['试验三村', 9000]
		]);
	});

	it('a workbook with no sheet it can recognise is one error naming the file', async () => {
		const ExcelJS = (await import('exceljs')).default;
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('Sheet1').addRow(['甲', '乙', '丙']);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const r = await importFiles([{ name: '随便.xlsx', bytes }], options);
		expect(r.problems.filter((p) => p.level === 'error').map((p) => [p.file, p.kind])).toEqual([
			['随便.xlsx', 'no-table']
		]);
	});

	it('files are read by content: a CSV named .txt, a workbook named .csv', async () => {
		const xls = readFileSync('tests/fixtures/field-cases/17-xls-et/旧改台账.xls');
		const r = await importFiles([{ name: '台账.csv', bytes: new Uint8Array(xls) }], options);
		expect(r.problems.filter((p) => p.level === 'error')).toEqual([]);
		expect(r.dataset.communities).toHaveLength(3);
	});
});

describe('one ledger given twice', () => {
	it('a folder holding the same ledger as .xls and .et: the duplicate names the other file, and asks', async () => {
		const dir = 'tests/fixtures/field-cases/17-xls-et';
		const r = await load([`${dir}/旧改台账.xls`, `${dir}/旧改台账.et`]);
		const dup = r.errors.find((e) => e.zh.startsWith('重复'));
		expect(dup?.file).toBe('旧改台账.et');
		expect(dup?.zh).toMatch(/^重复：与旧改台账\.xls(「.+」)?第\d+行的id相同（同一份台账是否放了两次？）$/);
		expect(dup?.en).toMatch(/^duplicate of row \d+ of 旧改台账\.xls.*: is the same ledger given twice\?$/);
	});
});
