/**
 * The first screens' figures worked out by hand from the example's own CSV files (data/example), the policy's
 * numbers written out from its text — not through the code under test (no import from src/): the expected values
 * of the figure tests (unit and browser). Each step names the clause it follows.
 *
 * 乐政办发〔2023〕47号: §二(一) scope; §三(四) 乡镇初审通过且居民自筹资金全部到位, plan for Y fixed by 31 May of Y−1;
 * §五(二)1 residents 10% / 30% / 70% of basic / improvement / upgrade, subsidy = total − residents − social capital
 * capped at 300 元/㎡ (building + newly counted garage area), the excess to residents, lifts outside the total,
 * for projects whose works start after the scheme takes effect; §六 in force from 2024-01-05.
 */
import { readFileSync } from 'node:fs';

const DIR = 'data/example';

function csv(name: string): Record<string, string>[] {
	const [head, ...lines] = readFileSync(`${DIR}/${name}.csv`, 'utf8').trim().split(/\r?\n/);
	const keys = head!.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i]!, v])));
}

/** The stages of 附件3 in order (§三): the latest reached is the one furthest along. */
const STAGES = [
	'opinions',
	'application-vote',
	'application',
	'design',
	'publicity',
	'submission',
	'town-review',
	'competitive-review',
	'annual-plan',
	'consultation',
	'project-approval',
	'tender',
	'permit',
	'construction',
	'acceptance',
	'handover',
	'post-evaluation'
];
const at = (s: string) => STAGES.indexOf(s);

export const AS_OF: string = (JSON.parse(readFileSync(`${DIR}/metadata.json`, 'utf8')) as { asOf: string })
	.asOf;
const AS_OF_YEAR = Number(AS_OF.slice(0, 4));
/** §六: in force from 2024-01-05. */
const IN_FORCE = '2024-01-05';
/** §三(四): the plan for Y is fixed by 31 May of Y−1 — the next plan still open on the data date. */
export const PLAN_YEAR = AS_OF <= `${AS_OF_YEAR}-05-31` ? AS_OF_YEAR + 1 : AS_OF_YEAR + 2;
const DEADLINE = `${PLAN_YEAR - 1}-05-31`;

export type Set = 'out-of-scope' | 'earlier' | 'completed' | 'planned' | 'to-arrange';

export interface HandCommunity {
	id: string;
	town: string;
	households: number;
	/** ㎡ in hundredths. */
	area: number;
	inScope: boolean;
	set: Set;
	stage: string;
	/** Fen: investment (lifts excluded), residents' total, subsidy — as the figures count them. */
	investment: number;
	/** The investment is a plan table's 总投资, works not itemised. */
	estimated: boolean;
	residents: number;
	subsidy: number;
	ready: boolean;
	awaiting: boolean;
}

const fen = (yuan: string) => Math.round(Number(yuan) * 100);
/** Half away from zero, as the policy's money is rounded (to the fen). */
const divRound = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));

/** Every community of the example, worked out by hand. */
export function handCommunities(): HandCommunity[] {
	const towns = new Map(csv('towns').map((t) => [t.code!, t]));
	const group = (rows: Record<string, string>[]) => {
		const m = new Map<string, Record<string, string>[]>();
		for (const r of rows) m.set(r.community_id!, [...(m.get(r.community_id!) ?? []), r]);
		return m;
	};
	const works = group(csv('works'));
	const funds = group(csv('funds'));
	const stages = group(csv('stage_events'));
	return csv('communities').map((c) => {
		const town = towns.get(c.town_code!)!;
		// §二(一): a 乡 is outside 城关 and 建制镇; self-built, urban villages and shantytown rebuilds never; not in a
		// shantytown plan, no expropriation within 5 years; built by 2000-12-31, or later with both conditions
		const excluded =
			town.kind === '乡' ||
			['self-built', 'urban-village', 'shantytown-rebuild'].includes(c.housing_type!) ||
			c.in_shantytown_plan === 'true' ||
			(c.expropriation_year !== '' && Number(c.expropriation_year) <= AS_OF_YEAR + 5);
		const inScope =
			!excluded &&
			(Number(c.completion_year) <= 2000 || (c.facilities_deficient === 'true' && c.strong_will === 'true'));

		const ev = stages.get(c.id!) ?? [];
		const stage = ev.reduce((best, e) => (at(e.stage!) > at(best) ? e.stage! : best), 'none');
		// §五(二)1 本方案实施后开工: the works began on the construction stage's day (or by a later stage's)
		const startedBy = ev
			.filter((e) => at(e.stage!) >= at('construction'))
			.sort((a, b) =>
				a.stage === 'construction' ? -1 : b.stage === 'construction' ? 1 : a.date! < b.date! ? -1 : 1
			)[0]?.date;
		const earlier = startedBy !== undefined && startedBy < IN_FORCE;

		// §五(二)1: final accounts when every item has them, else the estimate; lifts (care.upgrade.3.1) apart
		const w = works.get(c.id!) ?? [];
		const final = w.length > 0 && w.every((x) => x.final_cost !== '');
		const tier = { basic: 0, improvement: 0, upgrade: 0 };
		for (const x of w) {
			if (x.item_id === 'care.upgrade.3.1') continue;
			tier[x.item_id!.split('.')[1] as keyof typeof tier] += fen(final ? x.final_cost! : x.estimated_cost!);
		}
		// no works itemised and a 总投资 given: the investment is that total, an estimate — residents' share and
		// subsidy unknown (0, not summed) until itemised (§五(二)1 按改造内容加权计算)
		const estimated = w.length === 0 && (c.total_investment ?? '') !== '';
		const total = estimated ? fen(c.total_investment!) : tier.basic + tier.improvement + tier.upgrade;
		const f = funds.get(c.id!) ?? [];
		const sum = (source: string) =>
			f.filter((x) => x.source === source).reduce((a, x) => a + fen(x.amount!), 0);
		const social = sum('social');
		const base = divRound(10 * tier.basic + 30 * tier.improvement + 70 * tier.upgrade, 100);
		const uncapped = estimated ? 0 : Math.max(0, total - base - social);
		const cap =
			300 * (Math.round(Number(c.building_area) * 100) + Math.round(Number(c.garage_area || 0) * 100));
		const subsidy47 = Math.min(uncapped, cap);
		const residents47 = base + (uncapped - subsidy47);

		const set: Set = earlier
			? 'earlier'
			: !inScope
				? 'out-of-scope'
				: at(stage) >= at('acceptance')
					? 'completed'
					: at(stage) >= at('annual-plan')
						? 'planned'
						: 'to-arrange';
		// an earlier project: the ledger's money (residents paid, subsidy paid); outside the scope: none
		const residents = set === 'earlier' ? sum('resident') : set === 'out-of-scope' ? 0 : residents47;
		const subsidy = set === 'earlier' ? sum('subsidy') : set === 'out-of-scope' ? 0 : subsidy47;

		// §三(四): resident funds all in by the deadline (deposits in date order reaching the residents' total)
		let raised = 0;
		let completeOn: string | null = null;
		for (const d of f.filter((x) => x.source === 'resident').sort((a, b) => (a.date! < b.date! ? -1 : 1))) {
			raised += fen(d.amount!);
			if (completeOn === null && residents > 0 && raised >= residents) completeOn = d.date!;
		}
		const fundsIn = inScope && !earlier && completeOn !== null && completeOn <= DEADLINE;
		return {
			id: c.id!,
			town: c.town_code!,
			households: Number(c.households),
			area: Math.round(Number(c.building_area) * 100),
			inScope,
			set,
			stage,
			investment: total,
			estimated,
			residents,
			subsidy,
			// the town's review passed = the next stage begun; not yet in a plan
			ready: fundsIn && at(stage) > at('town-review') && at(stage) < at('annual-plan'),
			awaiting: fundsIn && stage === 'town-review'
		};
	});
}

/** The key figures of `/` over `rows`, by hand: counts, 户, ㎡ and yuan (from whole fen and hundredths). */
export function handKpis(rows: readonly HandCommunity[]) {
	const of = (sets: Set[]) => rows.filter((r) => sets.includes(r.set));
	const yuan = (xs: readonly HandCommunity[], k: 'investment' | 'residents' | 'subsidy') =>
		xs.reduce((a, r) => a + r[k], 0) / 100;
	const remaining = of(['to-arrange', 'planned']);
	return {
		communities: rows.length,
		outOfScope: of(['out-of-scope']).length,
		households: rows.reduce((a, r) => a + r.households, 0),
		buildingArea: rows.reduce((a, r) => a + r.area, 0) / 100,
		remaining: remaining.length,
		investment: yuan(remaining, 'investment'),
		investmentEstimated: remaining.filter((r) => r.estimated).length,
		residentShare: yuan(remaining, 'residents'),
		subsidy: yuan(remaining, 'subsidy'),
		subsidyPlanned: yuan(of(['planned']), 'subsidy'),
		subsidyToArrange: yuan(of(['to-arrange']), 'subsidy'),
		completed: of(['completed']).length,
		completedSubsidy: yuan(of(['completed']), 'subsidy'),
		earlier: of(['earlier']).length,
		earlierSubsidy: yuan(of(['earlier']), 'subsidy'),
		readyForPlan: rows.filter((r) => r.ready).length,
		awaitingReview: rows.filter((r) => r.awaiting).length
	};
}

/** The public headline by hand: the three groups of the latest stage reached, and every community. */
export function handHeadline(rows: readonly HandCommunity[]) {
	const tally = (f: (r: HandCommunity) => boolean) => {
		const xs = rows.filter(f);
		return { communities: xs.length, households: xs.reduce((a, r) => a + r.households, 0) };
	};
	return {
		renovated: tally((r) => at(r.stage) >= at('acceptance')),
		construction: tally((r) => r.stage === 'construction'),
		planned: tally((r) => at(r.stage) >= at('annual-plan') && at(r.stage) < at('construction')),
		total: tally(() => true)
	};
}
