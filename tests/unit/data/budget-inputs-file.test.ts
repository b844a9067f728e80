// /budget's files read back what was written: names as they are (one decode per column, each value sliced by its
// UTF-16 offsets — characters beyond the BMP take two units, e.g. 𠮷), nulls as nulls, money as written.
import { describe, expect, it } from 'vitest';
import {
	budgetInputsFiles,
	budgetVerdict,
	readRunInputs,
	readVerdictInputs
} from '../../../src/lib/files/budget-inputs-file';
import { deriveStatus, policyInForce } from '../../../src/lib/verdict/derived';
import { loadExample } from './load';

describe('budget-inputs.arrow and budget-verdict-inputs.arrow', async () => {
	const { dataset } = await loadExample();
	const asOf = '2026-11-15';

	it('names beyond the BMP, empty and mixed scripts read back as written', () => {
		const names = ['𠮷村小区', '', 'A区·東苑🏠', '乐清𡃁里', 'plain'];
		const communities = dataset.communities.map((c, i) => (i < names.length ? { ...c, name: names[i]! } : c));
		const inputs = { ...dataset, communities };
		const status = deriveStatus(inputs, asOf, policyInForce(asOf));
		const files = budgetInputsFiles(inputs, status);
		const run = readRunInputs(files.run);
		expect(run.communities.map((c) => c.name)).toEqual(communities.map((c) => c.name));
		expect(run.verdicts).toEqual(status.map(budgetVerdict));
		const back = readVerdictInputs(files.verdict, run);
		expect(back.communities.map((c) => c.name)).toEqual(communities.map((c) => c.name));
		// nullable fields keep their nulls (garage area, expropriation year, dates of votes never held)
		expect(back.communities.some((c) => c.expropriation_year === null)).toBe(true);
		expect(run.verdicts.some((v) => v.schemeVoteDate === null)).toBe(true);
		expect(run.communities.some((c) => c.plan_year === null)).toBe(true);
	});

	it('a verdict for each community, or the file is refused', () => {
		const status = deriveStatus(dataset, asOf, policyInForce(asOf));
		expect(() => budgetInputsFiles(dataset, status.slice(1))).toThrow(/verdicts for/);
	});
});
