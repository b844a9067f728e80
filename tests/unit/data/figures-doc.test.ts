// docs/figures.md lists every figure's definition as the code has it (figures.ts, stage-classes.ts): a figure
// changed in the code and not in the page that explains it fails here. The README links the page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIGURES, figureWords } from '../../../src/lib/filter/definitions';
import { STAGE_GROUPS } from '../../../src/lib/verdict/stage-classes';

const doc = readFileSync('docs/figures.md', 'utf8');
// the page fills the words for the policy in force (乐政办发〔2023〕47号: 2024-01-05, 5 years)
const zh = { from: '2024年1月5日', deadline: '次年计划截止日（如2027年5月31日）', year: 'Y', horizon: 5 };
const en = {
	from: '5 January 2024',
	deadline: "the next plan's deadline (e.g. 31 May 2027)",
	year: 'Y',
	horizon: 5
};

describe('docs/figures.md: each figure’s definition (issue 19)', () => {
	it('every key figure of `/`, its label and definition in zh and en', () => {
		for (const d of FIGURES) {
			const z = figureWords(d, 'zh', zh);
			const e = figureWords(d, 'en', en);
			expect(doc, d.key).toContain(`| \`${d.key}\` | ${z.label} / ${e.label} |`);
			expect(doc, d.key).toContain(z.definition);
			expect(doc, d.key).toContain(e.definition);
		}
	});

	it('every group of the public headline, with its stages and definition', () => {
		for (const g of STAGE_GROUPS) {
			expect(doc, g.key).toContain(`| \`${g.key}\` | ${g.zh} / ${g.en} |`);
			expect(doc, g.key).toContain(g.defZh);
			expect(doc, g.key).toContain(g.defEn);
		}
	});

	it('the README points to it', () => {
		expect(readFileSync('README.md', 'utf8')).toContain('docs/figures.md');
	});
});
