/**
 * What the leadership map's freshness colouring is counted from (verdict/freshness.ts): the data's own dates on
 * the data's date (the static build, or no office session), or those and the towns' changes on today (the office
 * server, signed in) — with the communities that have changes the published data does not hold yet.
 */
export interface FreshnessView {
	/** `data`: the ledger's dates only; `office`: the towns' changes merged in. */
	source: 'data' | 'office';
	/** The day the ages are counted to (YYYY-MM-DD): 数据截至, or today in Beijing time. */
	refIso: string;
	/** Communities with town changes not yet reviewed or published (乡镇填报（未审核）). */
	live: ReadonlySet<string>;
}
