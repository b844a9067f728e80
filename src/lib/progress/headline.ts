/**
 * The public headline's figures in words, for the page (Headline.svelte) and the prerendered HTML (prerender.ts)
 * alike: the three stage groups (STAGE_GROUPS, no two sharing a community), each with its definition, and the
 * satisfaction; and the sentence that says what the three are part of.
 */
import { STAGE_GROUPS, STAGE_CLASSES } from '../verdict/stage-classes';
import { fmt, paren, pick } from '../i18n/lang.svelte';
import { t } from '../i18n/messages';
import type { ProgressSummary, Tally } from './summary';

export interface HeadlineFigure {
	key: 'renovated' | 'construction' | 'planned' | 'satisfaction';
	label: string;
	value: string;
	unit: string;
	/** What it counts, in words. */
	definition: string;
}

const households = (n: number) => fmt.number(n);
const unitOf = (c: Tally) =>
	t('progress.communitiesHouseholds', { communities: c.communities, households: households(c.households) });

/** The headline's figures in the reader's language. */
export function headlineFigures(summary: ProgressSummary): HeadlineFigure[] {
	const groups = STAGE_GROUPS.map((g): HeadlineFigure => {
		const tally = summary[g.key];
		const years =
			g.key === 'planned'
				? summary.planned.years.map((y) => t('progress.plannedYear', { year: y.year, n: y.communities }))
				: [];
		return {
			key: g.key,
			label: pick(g),
			value: String(tally.communities),
			unit: unitOf(tally),
			definition:
				pick({ zh: g.defZh, en: g.defEn }) + (years.length ? paren(years.join(t('common.comma'))) : '')
		};
	});
	const s = summary.satisfaction;
	return s
		? [
				...groups,
				{
					key: 'satisfaction',
					label: t('progress.satisfaction'),
					value: s.mean.toFixed(1),
					unit: t('progress.satisfactionValue', { n: s.communities }),
					definition: ''
				}
			]
		: groups;
}

/** What the three groups are part of: every community, and the rest (in no plan yet, and outside the programme). */
export function headlineRest(summary: ProgressSummary): string {
	const counted = STAGE_GROUPS.reduce((n, g) => n + summary[g.key].communities, 0);
	const out = summary.stages[STAGE_CLASSES.findIndex((c) => c.key === 'out')] ?? 0;
	return t('progress.rest', {
		total: summary.total.communities,
		rest: summary.total.communities - counted,
		out
	});
}
