// Starting from a partial list (issue 20, part 2): a list without 小区编号 gets ids made from the town and the name
// (src/lib/ingest/import/ids.ts), the same at every import, said once; an office's own id is kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/ingest/import';
import { generatedId, isGeneratedId } from '../../../src/lib/ingest/import/ids';
import { geo } from './load';

const CSV = join(
	import.meta.dirname,
	'../../fixtures/field-cases-r3/10-csv-delimiters-line-ends/小区-分号.csv'
);
/** The field case's ledger without its 小区编号 column (and SY003's id kept, to show an office's id wins). */
function withoutIds(keep = ''): Uint8Array {
	const lines = readFileSync(CSV, 'utf8').split(/\r?\n/).filter(Boolean);
	const out = lines.map((l, i) => {
		const cells = l.split(';');
		if (i === 0) return ['编号', ...cells.slice(1)].join(';');
		return [cells[0] === keep ? keep : '', ...cells.slice(1)].join(';');
	});
	return new TextEncoder().encode(out.join('\n'));
}

describe('ids for a list without them', () => {
	it('are made from the town code and the name, stable, and said once', async () => {
		const read = () =>
			importFiles([{ name: '计划表.csv', bytes: withoutIds('SY003') }], { defaultTowns: geo.towns });
		const [a, b] = [await read(), await read()];
		expect(a.problems.filter((p) => p.level === 'error')).toEqual([]);
		const ids = a.dataset.communities.map((c) => c.id);
		expect(ids).toEqual(b.dataset.communities.map((c) => c.id));
		expect(ids[2]).toBe('SY003');
		expect(ids[0]).toBe(generatedId('330382002', '试验一村'));
		expect(ids.filter(isGeneratedId)).toHaveLength(4);
		expect(new Set(ids).size).toBe(5);
		const said = a.problems.filter((p) => p.kind === 'id-generated');
		expect(said).toHaveLength(1);
		expect(said[0]!.zh).toContain('4个小区没有小区编号');
	});

	it('the rule is the documented one: ZD + town code + six base-36 of FNV-1a of the name (NFKC, no spaces)', () => {
		expect(generatedId('330382002', '试验 一村')).toBe(generatedId('330382002', '试验一村'));
		expect(generatedId('330382002', '试验一村')).not.toBe(generatedId('330382001', '试验一村'));
		expect(generatedId('330382002', '试验一村')).toMatch(/^ZD330382002-[0-9a-z]{6}$/);
		// FNV-1a of "a" is 0xe40c292c (the published test vector): its base-36 tail
		expect(generatedId('330382002', 'a')).toBe(`ZD330382002-${(0xe40c292c).toString(36).slice(-6)}`);
	});
});
