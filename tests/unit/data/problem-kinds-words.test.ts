// Every problem kind the importer says over every fixture (field cases of both rounds, held-back kinds, the bad and
// office corpora) has Chinese and English words in /data's report — a kind shown by its code fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/ingest/import';
import { kindLabel } from '../../../src/routes/data/problem-kinds';
import { geo } from './load';

describe('every kind the importer says has its words', () => {
	it('in Chinese and English, over the field cases, the held-back kinds and the bad-input corpus', async () => {
		const fixtures = join(import.meta.dirname, '../../fixtures');
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
