/**
 * The public card without DuckDB-WASM: every community's card row (cardSql's columns over the public tables) and
 * its works items, cut into small JSON files as the community page's files are (community-slices.ts: the file
 * is a hash of the id over `sliceCount` of the public manifest's community count), `card/<n>.json`. Written by
 * the public data step (src/node/public-data.ts, from the public Parquet only, by ALL_CARDS_SQL), so they carry
 * public columns only and go through the leak scan with everything else.
 */
import { sliceCount, sliceOf } from '../files/community-slices';
import type { Card } from './card';

/** The folder of the files, inside the public data folder. */
export const CARD_DIR = 'card';

/** A community's card and its works items' ids (ordered), as cardSql(id) returns them. */
export interface CardEntry {
	card: Card;
	works: string[];
}

/** A file: the cards it holds, by id. */
export type CardSlice = Record<string, CardEntry>;

/** A file's path inside the public data folder. */
export function cardPath(n: number): string {
	return `${CARD_DIR}/${n}.json`;
}

/** The file holding a community's card, among the files of `communities` communities. */
export function cardFileOf(id: string, communities: number): string {
	return cardPath(sliceOf(id, sliceCount(communities)));
}

/** The files: path inside the public data folder → JSON text (the works as ALL_CARDS_SQL orders them). */
export function cardFiles(
	cards: readonly Card[],
	works: readonly { communityId: string; itemId: string }[]
): Record<string, string> {
	const count = sliceCount(cards.length);
	const slices: CardSlice[] = Array.from({ length: count }, () => ({}));
	const entries = new Map<string, CardEntry>();
	for (const card of cards) {
		const entry = { card, works: [] };
		entries.set(card.id, entry);
		slices[sliceOf(card.id, count)]![card.id] = entry;
	}
	for (const w of works) entries.get(w.communityId)?.works.push(w.itemId);
	return Object.fromEntries(slices.map((s, n) => [cardPath(n), JSON.stringify(s)]));
}
