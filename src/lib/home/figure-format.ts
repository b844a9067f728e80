/**
 * The key figures as `/` and its printed report write them: a figure's value in its unit and its words (label,
 * definition) filled from the policy in force and the next plan — figures.ts holds the definitions.
 */
import { figureWords, type FigureContext, type FigureDef } from '$lib/filter/definitions';
import { fmt, locale } from '$lib/i18n/lang.svelte';
import type { PolicyParams } from '$lib/policy';

const COMMUNITIES = { zh: '个', en: '' };
const HOUSEHOLDS = { zh: '户', en: '' };

/** A figure's value as it is read: 万元, 万㎡, 户 or 个. */
export function figureValue(d: FigureDef, v: number): string {
	return d.unit === 'money'
		? fmt.money(v)
		: d.unit === 'area'
			? fmt.area(v)
			: d.unit === 'households'
				? fmt.count(v, HOUSEHOLDS)
				: fmt.count(v, COMMUNITIES);
}

/** What the figures' words are filled with: the policy's effective date and horizon, the next plan. */
export function figureContext(
	policy: PolicyParams | null | undefined,
	plan: { year: number; deadline: string } | null
): FigureContext {
	return {
		from: policy ? fmt.date(policy.effectiveFrom) : '…',
		horizon: policy?.expropriationHorizonYears ?? 0,
		year: plan?.year ?? '…',
		deadline: plan ? fmt.date(plan.deadline) : '…'
	};
}

/** A figure's label and definition in the reader's language. */
export function wordsOf(d: FigureDef, c: FigureContext): { label: string; definition: string } {
	return figureWords(d, locale.lang, c);
}
