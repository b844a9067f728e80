// The public progress data, derived at build time from the dataset and the policy engine's status: the
// `progress` table (one published row per community) and summary.json (the headline figures, shown before the
// page's database loads). Only public facts go in; see src/lib/progress/summary.ts.
import { worksItem } from '../policy';
import {
	CONSTRUCTION_STAGES,
	PLANNED_STAGES,
	RENOVATED_STAGES,
	STAGE_CLASSES,
	stageClassOf
} from '../verdict/stage-classes';
import type { ManifestTown } from '../files/manifest';
import { fullPinyin, initials } from '../files/pinyin';
import type { Dataset, DatasetMeta } from '../schema/rows';
import { nextStepOf, type CommunityStatus } from '../verdict/status';
import { PROGRESS_FROM_YEAR, type ProgressRow, type ProgressSummary, type Tally } from './summary';

const round2 = (v: number) => Math.round(v * 100) / 100;

export function progressRows(dataset: Dataset, status: readonly CommunityStatus[]): ProgressRow[] {
	const events = new Map<string, Map<string, string>>();
	for (const e of dataset.stage_events) {
		let m = events.get(e.community_id);
		if (!m) events.set(e.community_id, (m = new Map()));
		m.set(e.stage, e.date);
	}
	const tiers = new Map<string, { basic: number; improvement: number; upgrade: number; final: boolean }>();
	const byCommunity = new Map<string, typeof dataset.works>();
	for (const w of dataset.works) {
		const list = byCommunity.get(w.community_id);
		if (list) list.push(w);
		else byCommunity.set(w.community_id, [w]);
	}
	for (const [id, works] of byCommunity) {
		// the same basis as the engine's investment: final accounts when every item has them, else the estimate
		const final = works.every((w) => w.final_cost !== null);
		const t = { basic: 0, improvement: 0, upgrade: 0, final };
		for (const w of works) {
			const item = worksItem(w.item_id);
			if (item && !item.elevator) t[item.tier] += final ? w.final_cost! : w.estimated_cost;
		}
		tiers.set(id, t);
	}
	return dataset.communities.map((c, i) => {
		const s = status[i]!;
		const e = events.get(c.id);
		const completed = RENOVATED_STAGES.map((st) => e?.get(st)).find((d) => d !== undefined) ?? null;
		const planned = e?.get('annual-plan');
		const t = tiers.get(c.id);
		const next = nextStepOf(s);
		const basis = s.programme === 'earlier' || s.programme === 'out-of-scope' ? s.programme : 'policy';
		return {
			id: c.id,
			stage: s.stage,
			stage_date: s.stageDate,
			completed_date: completed,
			plan_year: planned ? Number(planned.slice(0, 4)) + 1 : null,
			// outside the programme there is no project to publish the money of
			investment: basis === 'out-of-scope' ? 0 : round2(s.investment),
			resident_total: round2(s.residentRequired),
			basic: basis === 'out-of-scope' ? 0 : round2(t?.basic ?? 0),
			improvement: basis === 'out-of-scope' ? 0 : round2(t?.improvement ?? 0),
			upgrade: basis === 'out-of-scope' ? 0 : round2(t?.upgrade ?? 0),
			name_initials: initials(c.name),
			name_pinyin: fullPinyin(c.name),
			next_stage: next?.stage.id ?? '',
			next_action: basis === 'out-of-scope' ? 'out-of-scope' : (next?.action ?? ''),
			money_basis: basis
		};
	});
}

export function progressSummary(
	dataset: Dataset,
	rows: readonly ProgressRow[],
	meta: DatasetMeta,
	towns: readonly ManifestTown[]
): ProgressSummary {
	const asOfYear = Number(meta.asOf.slice(0, 4));
	const tally = (): Tally => ({ communities: 0, households: 0 });
	const add = (t: Tally, households: number) => {
		t.communities++;
		t.households += households;
	};
	const renovated = tally();
	const construction = tally();
	const total = tally();
	const planned = tally();
	const plannedYears = new Map<number, Tally>();
	const byYear = new Map<number, Tally>();
	for (let y = PROGRESS_FROM_YEAR; y <= asOfYear; y++) byYear.set(y, tally());
	const byMonth = new Map<string, Tally>();
	for (let y = PROGRESS_FROM_YEAR; y <= asOfYear; y++)
		for (let m = 1; m <= 12; m++) {
			const month = `${y}-${String(m).padStart(2, '0')}`;
			if (month <= meta.asOf.slice(0, 7)) byMonth.set(month, tally());
		}
	const stages = new Array<number>(STAGE_CLASSES.length).fill(0);
	const townTally = new Map(
		towns.map((t) => [t.code, { communities: 0, renovated: 0, construction: 0, planned: 0 }])
	);
	let satisfactionSum = 0;
	let surveyed = 0;
	dataset.communities.forEach((c, i) => {
		const r = rows[i]!;
		const town = townTally.get(c.town_code)!;
		town.communities++;
		add(total, c.households ?? 0);
		stages[stageClassOf(r.stage)]!++;
		if (RENOVATED_STAGES.includes(r.stage)) {
			add(renovated, c.households ?? 0);
			town.renovated++;
		}
		if (CONSTRUCTION_STAGES.includes(r.stage)) {
			add(construction, c.households ?? 0);
			town.construction++;
		}
		if (PLANNED_STAGES.includes(r.stage)) {
			add(planned, c.households ?? 0);
			town.planned++;
			if (r.plan_year !== null) {
				let y = plannedYears.get(r.plan_year);
				if (!y) plannedYears.set(r.plan_year, (y = tally()));
				add(y, c.households ?? 0);
			}
		}
		if (r.completed_date) {
			const y = byYear.get(Number(r.completed_date.slice(0, 4)));
			if (y) add(y, c.households ?? 0);
			const m = byMonth.get(r.completed_date.slice(0, 7));
			if (m) add(m, c.households ?? 0);
		}
		if (r.stage === 'post-evaluation' && c.satisfaction !== null) {
			satisfactionSum += c.satisfaction;
			surveyed++;
		}
	});
	return {
		title: meta.title,
		example: meta.example,
		schematicBoundaries: meta.schematicBoundaries,
		note: meta.note,
		asOf: meta.asOf,
		renovated,
		construction,
		total,
		planned: {
			...planned,
			years: [...plannedYears].sort(([a], [b]) => a - b).map(([year, t]) => ({ year, ...t }))
		},
		byYear: [...byYear].map(([year, t]) => ({ year, ...t })),
		byMonth: [...byMonth].map(([month, t]) => ({ month, ...t })),
		stages,
		towns: towns.map((t) => ({ ...t, ...townTally.get(t.code)! })),
		satisfaction: surveyed > 0 ? { mean: round2(satisfactionSum / surveyed), communities: surveyed } : null
	};
}
