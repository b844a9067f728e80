/**
 * Which projects the scheme prices: §五(二)1 sets its resident shares and subsidy cap for "本方案实施后开工的项目"
 * (projects whose works start after the scheme takes effect), and §六 puts the scheme in force "自2024年1月5日起"
 * (`PolicyParams.effectiveFrom`). So the day that decides is the start of works (开工) — not the first opinions,
 * the application, the plan or the acceptance: a project whose works began before `effectiveFrom` ran under the
 * rules of its time and is an earlier project (早期项目), shown with the money its ledger records and never priced
 * under this scheme; a project whose works begin on or after that day (施行 from that day, so the day itself is in)
 * is priced under it, as is one whose works have not begun.
 *
 * The ledger records the day each stage began (`stage_events`): the works began on the 施工及监督管理 stage's day.
 * When that stage is missing but a later one (联合验收, 移交归档, 后评估) is recorded, the works began no later than
 * the earliest of those: if that day is already before `effectiveFrom`, the project is earlier; if not, the start is
 * unknown and the project is taken as priced under the scheme (said in the reason).
 */
import { type PolicyParams } from './params';
import { reason, type Reason } from './reason';
import { stageIndex } from './workflow';

const CLAUSE = '§五(二)1、§六';
const CONSTRUCTION = stageIndex('construction');

/** A stage a project reached and the day it began, as the ledger records it. */
export interface StageDay {
	stage: string;
	/** ISO date `YYYY-MM-DD`. */
	date: string;
}

export interface WorksStart {
	/** The day the works began (开工), or the latest day they can have begun by; null before the works. */
	date: string | null;
	/** `recorded`: the 施工 stage's own day; `no-later-than`: bounded by a later stage; `none`: not begun. */
	basis: 'recorded' | 'no-later-than' | 'none';
	/** True when the works began before the scheme took effect: an earlier project, not priced by §五(二)1. */
	earlier: boolean;
	reasons: Reason[];
}

const zhDate = (iso: string) =>
	`${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/**
 * When a project's works began, and whether that makes it an earlier project (works begun before
 * `params.effectiveFrom`) — §五(二)1 本方案实施后开工的项目, §六 施行日期.
 * @param stages — the stages the project reached with the day each began (any order; unknown stages ignored)
 */
export function assessWorksStart(stages: readonly StageDay[], params: PolicyParams): WorksStart {
	const from = params.effectiveFrom;
	const recorded = stages.find((s) => s.stage === 'construction')?.date ?? null;
	const later = stages
		.filter((s) => stageIndex(s.stage) > CONSTRUCTION)
		.map((s) => s.date)
		.sort()[0];
	if (recorded !== null) {
		const earlier = recorded < from;
		return {
			date: recorded,
			basis: 'recorded',
			earlier,
			reasons: [
				earlier
					? reason(
							'earlier-project',
							CLAUSE,
							`${zhDate(recorded)}开工，早于本方案施行日${zhDate(from)}：属早期项目，按台账记录的资金列示，不按本方案计算补助`,
							`works began on ${recorded}, before the scheme took effect on ${from}: an earlier project, shown with the money its ledger records, not priced under this scheme`
						)
					: reason(
							'works-under-scheme',
							CLAUSE,
							`${zhDate(recorded)}开工，在本方案施行（${zhDate(from)}）之后：按本方案计算资金`,
							`works began on ${recorded}, on or after the scheme took effect on ${from}: priced under this scheme`
						)
			]
		};
	}
	if (later !== undefined && later < from) {
		return {
			date: later,
			basis: 'no-later-than',
			earlier: true,
			reasons: [
				reason(
					'earlier-project',
					CLAUSE,
					`台账无开工日期，但${zhDate(later)}已进入竣工后阶段，开工早于本方案施行日${zhDate(from)}：属早期项目，按台账记录的资金列示`,
					`no start of works recorded, but a later stage began on ${later}, before the scheme took effect on ${from}: an earlier project, shown with the money its ledger records`
				)
			]
		};
	}
	if (later !== undefined) {
		return {
			date: later,
			basis: 'no-later-than',
			earlier: false,
			reasons: [
				reason(
					'works-start-unknown',
					CLAUSE,
					`台账无开工日期（${zhDate(later)}已进入竣工后阶段），按本方案施行后开工计算资金`,
					`no start of works recorded (a later stage began on ${later}): priced as begun under this scheme`
				)
			]
		};
	}
	return { date: null, basis: 'none', earlier: false, reasons: [] };
}
