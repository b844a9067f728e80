import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatasetMeta } from './dataset-meta';

describe('a dataset folder’s metadata.json', () => {
	it('reads the example’s as it is written (title, date, example, schematic boundaries)', () => {
		const { meta, problems } = readDatasetMeta(readFileSync('data/example/metadata.json', 'utf8'));
		expect(problems).toEqual([]);
		expect(meta).toMatchObject({
			example: true,
			asOf: '2026-11-15',
			schematicBoundaries: true,
			schemaVersion: 1
		});
	});
	it('takes a real office’s short file: example false by default, boundaries as the build knows them', () => {
		const text = '\uFEFF{"title": "乐清市旧改台账", "asOf": "2026-12-01"}';
		expect(readDatasetMeta(text, 'metadata.json', false).meta).toEqual({
			example: false,
			title: '乐清市旧改台账',
			schemaVersion: 1,
			asOf: '2026-12-01',
			schematicBoundaries: false
		});
	});
	it('refuses a broken file naming the file and the field, in Chinese and English', () => {
		const bad = readDatasetMeta('{"title": "x", "asOf": ', '说明.json');
		expect(bad.meta).toBeUndefined();
		expect(bad.problems[0]).toMatchObject({ file: '说明.json', level: 'error', kind: 'metadata' });
		expect(bad.problems[0]!.zh).toContain('不是有效的 JSON');
		const fields = readDatasetMeta(
			JSON.stringify({ title: '', asOf: '2026-02-30', example: 'yes', schemaVersion: 2 })
		);
		expect(fields.problems.map((p) => p.column)).toEqual(['title', 'asOf', 'example', 'schemaVersion']);
		expect(fields.problems[1]).toMatchObject({ value: '"2026-02-30"' });
		expect(fields.problems[1]!.en).toContain('YYYY-MM-DD');
		expect(readDatasetMeta('[1, 2]').problems[0]!.zh).toContain('JSON 对象');
	});
});
