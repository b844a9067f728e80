/**
 * The classes of each colouring, their Chinese and English labels and colours — shared by the map, its legend and
 * the charts. The classes are the policy engine's verdicts (status.ts); only their look is decided here.
 */
import { WORKFLOW_STAGES } from '../policy';
import { STAGE_CLASSES, type StageClass } from '../progress/stages';
import { ELIGIBILITY_CLASSES, FUNDING_BANDS, VOTE_CLASSES } from '../data/status';
import type { Colouring } from '../data/queries';

/** A class of a colouring: the value(s) in the data (status column), its labels and RGB colour. */
export type ColourClass = StageClass;

export interface ColourScale {
	colouring: Colouring;
	zh: string;
	en: string;
	classes: readonly ColourClass[];
}

const one = (code: string, zh: string, en: string, rgb: [number, number, number]): ColourClass => ({
	codes: [code],
	zh,
	en,
	rgb
});

const VOTE = (kind: string): ColourClass[] => [
	one('passed', `${kind}已通过`, 'passed', [26, 152, 80]),
	one('short', `${kind}未通过`, 'held, short', [215, 48, 39]),
	one('none', '尚未表决', 'not yet held', [189, 189, 189])
];

export const COLOUR_SCALES: Readonly<Record<Colouring, ColourScale>> = {
	eligibility: {
		colouring: 'eligibility',
		zh: '改造资格',
		en: 'Eligibility',
		classes: [
			one('eligible-priority', '符合·城关优先', 'eligible, priority', [0, 104, 55]),
			one('eligible', '符合改造条件', 'eligible', [102, 189, 99]),
			one('conditional', '有条件纳入', 'conditional', [253, 174, 97]),
			one('ineligible', '不符合', 'ineligible', [170, 170, 170])
		]
	},
	applicationVote: {
		colouring: 'applicationVote',
		zh: '申请表决',
		en: 'Application vote',
		classes: VOTE('申请表决')
	},
	schemeVote: { colouring: 'schemeVote', zh: '方案表决', en: 'Scheme vote', classes: VOTE('方案表决') },
	funding: {
		colouring: 'funding',
		zh: '居民资金到位',
		en: 'Resident funds raised',
		classes: [
			one('full', '已全部到位', '100%', [33, 102, 172]),
			one('lt100', '75%–100%', '75–100%', [222, 45, 38]),
			one('lt75', '50%–75%', '50–75%', [251, 106, 74]),
			one('lt50', '25%–50%', '25–50%', [252, 146, 114]),
			one('lt25', '25%以下', 'under 25%', [252, 187, 161]),
			one('none', '未开始筹集', 'not started', [200, 200, 200])
		]
	},
	stage: { colouring: 'stage', zh: '改造进度', en: 'Stage', classes: STAGE_CLASSES }
};

/** The class list in the order the map arrays code it (map.arrow), for each colouring. */
export const CODE_ORDER: Readonly<Record<Colouring, readonly string[]>> = {
	eligibility: ELIGIBILITY_CLASSES,
	applicationVote: VOTE_CLASSES,
	schemeVote: VOTE_CLASSES,
	funding: FUNDING_BANDS,
	stage: ['none', ...WORKFLOW_STAGES.map((s) => s.id)]
};

/** For each code of a colouring (as CODE_ORDER numbers it), the index of its class in the scale. */
export function classIndexByCode(colouring: Colouring): Uint8Array {
	const scale = COLOUR_SCALES[colouring];
	return Uint8Array.from(CODE_ORDER[colouring], (code) => {
		const i = scale.classes.findIndex((c) => c.codes.includes(code));
		if (i < 0) throw new Error(`${colouring}: no class for ${code}`);
		return i;
	});
}
