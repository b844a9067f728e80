import { divCeil, maxBig, onCommonScale, ratioToNumber, toDecimal } from './exact';
import { type Fraction, type PolicyParams } from './params';
import { PolicyInputError, reason, type Reason } from './reason';

export type VoteKind = 'application' | 'scheme';

export interface VoteTally {
	/** All owners of the community (headcount). */
	totalOwners: number;
	/** All owners' exclusive floor area (专有部分面积), ㎡. */
	totalArea: number;
	participatingOwners: number;
	participatingArea: number;
	agreeOwners: number;
	agreeArea: number;
	/** The application vote (§三(一)) or the design-scheme vote during publicity (§三(三)); same thresholds. */
	kind?: VoteKind;
}

export interface VoteVerdict {
	/** 双三分之二: turnout ≥ 2/3 of all by area AND by headcount. */
	participationMet: boolean;
	/** 双四分之三: agreement ≥ 3/4 of those taking part by area AND by headcount. */
	approvalMet: boolean;
	passed: boolean;
	/** The four threshold tests one by one. */
	tests: {
		participationOwners: boolean;
		participationArea: boolean;
		approvalOwners: boolean;
		approvalArea: boolean;
	};
	/** Fewest more owners (and ㎡) who, turning out and agreeing, would make the vote pass: 还差 N 户 / X ㎡. */
	shortfall: { owners: number; area: number };
	/** Whether the shortfall can still be met by owners (and area) who have not yet taken part. */
	shortfallReachable: boolean;
	/**
	 * The fewest owners (and ㎡) to win over in all, mixing both ways: owners who have not voted, just enough to reach
	 * turnout, taking part in favour; then owners who took part without agreeing, changing to 同意. Always reachable
	 * (everyone in favour passes), so a failed vote always has a way forward; zero when the vote passed.
	 */
	winOver: { nonVoters: Need; dissenters: Need };
	reasons: Reason[];
}

/** Owners (headcount) and exclusive area (㎡) to win over. */
export interface Need {
	owners: number;
	area: number;
}

function clauseOf(kind: VoteKind | undefined): string {
	return kind === 'scheme' ? '§三(三)' : '§三(一)';
}

function checkTally(t: VoteTally, total: bigint, part: bigint, agree: bigint, what: 'Owners' | 'Area'): void {
	if (total < 0n || part < 0n || agree < 0n) {
		throw new PolicyInputError(`participating${what}`, `不能为负数 / must not be negative`);
	}
	if (part > total) {
		throw new PolicyInputError(
			`participating${what}`,
			`参与表决数超过总数 / participating exceeds the total (${t[`participating${what}`]} > ${t[`total${what}`]})`
		);
	}
	if (agree > part) {
		throw new PolicyInputError(
			`agree${what}`,
			`同意数超过参与表决数 / agreeing exceeds participating (${t[`agree${what}`]} > ${t[`participating${what}`]})`
		);
	}
}

/** `part / whole ≥ f`, exactly. */
function reaches(part: bigint, whole: bigint, f: Fraction): boolean {
	return part * BigInt(f.den) >= whole * BigInt(f.num);
}

/**
 * Fewest k ≥ 0 with (part + k) ≥ f·total and (agree + k) ≥ g·(part + k), as a ratio `[numerator, denominator]`
 * (headcounts take its ceiling; areas use it as is).
 */
function needed(total: bigint, part: bigint, agree: bigint, f: Fraction, g: Fraction): [bigint, bigint] {
	const fn = BigInt(f.num);
	const fd = BigInt(f.den);
	const gn = BigInt(g.num);
	const gd = BigInt(g.den);
	// turnout: k ≥ f·total − part;  approval: k·(gd − gn) ≥ gn·part − gd·agree
	const d = fd * (gd - gn);
	const turnout = (fn * total - fd * part) * (gd - gn);
	const approval = (gn * part - gd * agree) * fd;
	return [maxBig(0n, turnout, approval), d];
}

/**
 * The mixed way on one measure (owners or area, as bigints on one scale): k = max(0, f·total − part) non-voters in
 * favour, then j = max(0, g·(part + k) − agree − k) dissenters changing. Fewest in all: past turnout, a dissenter
 * changing adds one to the agreeing side without adding to those taking part, so more non-voters never cost less.
 * Returns `[k, j]` as ratios over `fd` and `fd·gd`.
 */
function mixedNeed(total: bigint, part: bigint, agree: bigint, f: Fraction, g: Fraction, whole: boolean) {
	const fn = BigInt(f.num);
	const fd = BigInt(f.den);
	const gn = BigInt(g.num);
	const gd = BigInt(g.den);
	let k = maxBig(0n, fn * total - fd * part); // over fd
	if (whole) k = divCeil(k, fd) * fd;
	let j = maxBig(0n, gn * (part * fd + k) - gd * (agree * fd + k)); // over fd·gd
	if (whole) j = divCeil(j, fd * gd) * fd * gd;
	return { k: [k, fd] as const, j: [j, fd * gd] as const };
}

function validFraction(f: Fraction, field: string): void {
	if (!Number.isInteger(f.num) || !Number.isInteger(f.den) || f.num < 0 || f.den <= 0 || f.num > f.den) {
		throw new PolicyInputError(field, `阈值应为 0–1 之间的分数 / threshold must be a fraction in [0, 1]`);
	}
}

/**
 * An owners' vote under §三(一) (application) and §三(三) (design scheme): passes only when turnout reaches 2/3 of
 * all owners by exclusive area AND by headcount (双三分之二), and agreement reaches 3/4 of the participants by area AND
 * by headcount (双四分之三). Compared exactly, in integers.
 */
export function assessVote(t: VoteTally, params: PolicyParams): VoteVerdict {
	const f = params.participationThreshold;
	const g = params.approvalThreshold;
	validFraction(f, 'participationThreshold');
	validFraction(g, 'approvalThreshold');
	if (g.num === g.den) throw new PolicyInputError('approvalThreshold', '阈值须小于 1 / must be below 1');

	for (const field of ['totalOwners', 'participatingOwners', 'agreeOwners'] as const) {
		if (!Number.isInteger(t[field])) {
			throw new PolicyInputError(
				field,
				`户数应为整数 / a headcount must be a whole number (${String(t[field])})`
			);
		}
	}
	const owners = [t.totalOwners, t.participatingOwners, t.agreeOwners].map((n) => BigInt(n)) as [
		bigint,
		bigint,
		bigint
	];
	const areaScaled = onCommonScale([
		toDecimal(t.totalArea, 'totalArea'),
		toDecimal(t.participatingArea, 'participatingArea'),
		toDecimal(t.agreeArea, 'agreeArea')
	]);
	const area = areaScaled.units as [bigint, bigint, bigint];
	checkTally(t, ...owners, 'Owners');
	checkTally(t, ...area, 'Area');
	if (owners[0] === 0n || area[0] === 0n) {
		throw new PolicyInputError(
			owners[0] === 0n ? 'totalOwners' : 'totalArea',
			'总数须大于 0 / total must be positive'
		);
	}

	const tests = {
		participationOwners: reaches(owners[1], owners[0], f),
		participationArea: reaches(area[1], area[0], f),
		approvalOwners: reaches(owners[2], owners[1], g),
		approvalArea: reaches(area[2], area[1], g)
	};
	const participationMet = tests.participationOwners && tests.participationArea;
	const approvalMet = tests.approvalOwners && tests.approvalArea;

	const [ownersNum, ownersDen] = needed(...owners, f, g);
	const shortOwners = divCeil(ownersNum, ownersDen);
	const [areaNum, areaDen] = needed(...area, f, g);
	const areaUnit = areaDen * 10n ** BigInt(areaScaled.scale);
	const shortfall = { owners: Number(shortOwners), area: ratioToNumber(areaNum, areaUnit) };
	const shortfallReachable = shortOwners <= owners[0] - owners[1] && areaNum <= (area[0] - area[1]) * areaDen;
	const mixedOwners = mixedNeed(...owners, f, g, true);
	const mixedArea = mixedNeed(...area, f, g, false);
	const unit = 10n ** BigInt(areaScaled.scale);
	const winOver = {
		nonVoters: {
			owners: ratioToNumber(...mixedOwners.k),
			area: ratioToNumber(mixedArea.k[0], mixedArea.k[1] * unit)
		},
		dissenters: {
			owners: ratioToNumber(...mixedOwners.j),
			area: ratioToNumber(mixedArea.j[0], mixedArea.j[1] * unit)
		}
	};

	const clause = clauseOf(t.kind);
	const pct = (fr: Fraction) => `${fr.num}/${fr.den}`;
	const reasons: Reason[] = [
		reason(
			tests.participationArea ? 'participation-area-met' : 'participation-area-short',
			clause,
			`参与表决专有面积${tests.participationArea ? '达到' : '未达'}总面积的${pct(f)}`,
			`area taking part ${tests.participationArea ? 'reaches' : 'falls short of'} ${pct(f)} of the total area`
		),
		reason(
			tests.participationOwners ? 'participation-owners-met' : 'participation-owners-short',
			clause,
			`参与表决人数${tests.participationOwners ? '达到' : '未达'}业主总人数的${pct(f)}`,
			`owners taking part ${tests.participationOwners ? 'reach' : 'fall short of'} ${pct(f)} of all owners`
		),
		reason(
			tests.approvalArea ? 'approval-area-met' : 'approval-area-short',
			clause,
			`同意的专有面积${tests.approvalArea ? '达到' : '未达'}参与表决面积的${pct(g)}`,
			`area in favour ${tests.approvalArea ? 'reaches' : 'falls short of'} ${pct(g)} of the area taking part`
		),
		reason(
			tests.approvalOwners ? 'approval-owners-met' : 'approval-owners-short',
			clause,
			`同意人数${tests.approvalOwners ? '达到' : '未达'}参与表决人数的${pct(g)}`,
			`owners in favour ${tests.approvalOwners ? 'reach' : 'fall short of'} ${pct(g)} of the owners taking part`
		)
	];
	return {
		participationMet,
		approvalMet,
		passed: participationMet && approvalMet,
		tests,
		shortfall,
		shortfallReachable,
		winOver,
		reasons
	};
}
