/**
 * One community as the public card shows it: the row `cardSql(id).community` returns (public columns only), read
 * by the card and its parts (CardNextStep, CardWorks, CardInvestment).
 */
export interface Card {
	id: string;
	name: string;
	address: string | null;
	townCode: string;
	townName: string;
	townKind: string;
	households: number;
	completionYear: number;
	satisfaction: number | null;
	stage: string;
	stageDate: string | null;
	completedDate: string | null;
	planYear: number | null;
	investment: number;
	residentTotal: number;
	basic: number;
	improvement: number;
	upgrade: number;
	/**
	 * The engine's stage gate, as published: the stage to work on ('' when complete or outside the programme) and
	 * the action (`out-of-scope` outside the programme).
	 */
	nextStage: string;
	nextAction: string;
	/** What the money is: `policy` (as the scheme prices it), `earlier` (as the ledger records it), `out-of-scope`. */
	moneyBasis: string;
}
