import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicColumns, TABLES } from '../../../src/lib/schema/schema';
import { schemaMarkdown } from '../../../src/lib/schema/schema-doc';
import { WORKFLOW_STAGES } from '../../../src/lib/policy';

describe('the schema', () => {
	it('is documented, column by column, in data/README.md (npm run docs)', () => {
		expect(readFileSync('data/README.md', 'utf8')).toContain(schemaMarkdown());
	});

	it('has unique column names and Chinese headers per table, and the tables of DESIGN.md', () => {
		expect(TABLES.map((t) => t.name)).toEqual([
			'towns',
			'communities',
			'works',
			'votes',
			'funds',
			'stage_events',
			'contacts'
		]);
		for (const t of TABLES) {
			expect(new Set(t.columns.map((c) => c.name)).size, t.name).toBe(t.columns.length);
			expect(new Set(t.columns.map((c) => c.zh)).size, t.name).toBe(t.columns.length);
			for (const k of t.key)
				expect(
					t.columns.some((c) => c.name === k),
					`${t.name}.${k}`
				).toBe(true);
		}
	});

	it('§三 / 附件3: stage values are the workflow’s stages', () => {
		const stage = TABLES.find((t) => t.name === 'stage_events')!.columns.find((c) => c.name === 'stage')!;
		expect(stage.values?.map((v) => v.code)).toEqual(WORKFLOW_STAGES.map((s) => s.id));
	});

	it('keeps contacts, votes, funds and internal notes out of the public allow-list', () => {
		const pub = publicColumns();
		expect(Object.keys(pub)).toEqual(['towns', 'communities', 'works', 'stage_events']);
		expect(pub.communities).not.toContain('notes');
		expect(pub.communities).not.toContain('owners');
	});
});
