import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '$lib/data/import';
import { loadGeography } from '../../../scripts/lib/geography';
import type { Problem } from '$lib/data/problems';
import { groupByKind, kindLabel } from './problem-kinds';

const p = (kind: string | undefined, row: number): Problem => ({
	file: 'a.xlsx',
	row,
	kind,
	zh: '…',
	en: '…',
	level: 'notice'
});

describe('the report’s groups', () => {
	it('groups by kind, reading first (header found), then row problems, the validator’s checks, unknown kinds last', () => {
		const groups = groupByKind([
			p('duplicate', 9),
			p(undefined, 4),
			p('zz-new', 1),
			p('header-found', 2),
			p('duplicate', 5)
		]);
		expect(groups.map((g) => g.kind)).toEqual(['header-found', 'duplicate', 'cell', 'zz-new']);
		expect(groups[1]!.problems.map((x) => x.row)).toEqual([9, 5]);
	});

	it('names a kind in both languages, an unknown one by its code', () => {
		expect(kindLabel('header-found')).toEqual({ zh: '找到的表头行', en: 'Header row found' });
		expect(kindLabel('zz-new')).toEqual({ zh: 'zz-new', en: 'zz-new' });
	});
});

describe('every kind the importer says has its words', () => {
	it('in Chinese and English, over the field cases, the held-back kinds and the bad-input corpus', async () => {
		const geo = loadGeography();
		const fixtures = join(import.meta.dirname, '../../../tests/fixtures');
		const folders = ['field-cases', 'field-cases-r3', 'held-back', 'bad', 'office'].flatMap((set) =>
			readdirSync(join(fixtures, set))
				.map((d) => join(fixtures, set, d))
				.filter((d) => statSync(d).isDirectory())
		);
		const seen = new Set<string>();
		for (const folder of folders) {
			const files = readdirSync(folder)
				.filter((f) => !f.endsWith('.json') || f.endsWith('.geojson'))
				.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(folder, f))) }));
			const r = await importFiles(files, { defaultTowns: geo.towns, allowMissingPoint: true });
			for (const p of r.problems) seen.add(p.kind ?? 'cell');
		}
		expect(seen.size).toBeGreaterThan(30);
		expect([...seen].filter((k) => kindLabel(k).zh === k)).toEqual([]);
	});
});
