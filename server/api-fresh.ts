// How fresh the data is, from the towns' changes (issue 22): the day of each community's latest town change, for
// the map's freshness colouring, and a community's changes not yet in the published data, for its page's
// 乡镇填报（未审核） panel. Read-only, for any signed-in account; a town account gets its own towns' rows only —
// another town's community is as unknown as a missing one.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DuckDBValue } from '@duckdb/node-api';
import type { FreshnessAnswer, LiveChangesAnswer } from '../src/lib/office/api';
import { beijingTime } from '../src/lib/office/freshness';
import type { Signed } from './auth';
import { Changes, type ChangeRecord } from './changes';
import { need, type Context } from './context';
import { HttpError, sendJson } from './http';

/** The Beijing date (YYYY-MM-DD) of an instant. */
const beijingDate = (iso: string) => beijingTime(iso).slice(0, 10);

/**
 * Whether a change is live but not in the data served now: pending, or accepted and carried by no release the
 * current one was built on (`served`: Releases.lineage of the current release — a release rolled back from is
 * not in it, so its changes are live again).
 */
function unpublished(c: ChangeRecord, served: ReadonlySet<string>): boolean {
	return c.state === 'pending' || (c.state === 'accepted' && (c.release === null || !served.has(c.release)));
}

/** The releases whose data the data served now was built on. */
function servedReleases(ctx: Context): Set<string> {
	return ctx.releases.lineage(ctx.releases.current());
}

/** The towns a signed-in account may read changes of: its own for a town account, null (all) for the others. */
function scope(signed: Signed | undefined): string[] | null {
	const me = need(signed, 'town');
	return me.user.role === 'town' ? me.user.towns : null;
}

export async function freshnessApi(
	ctx: Context,
	req: IncomingMessage,
	res: ServerResponse,
	route: string,
	signed: Signed | undefined
): Promise<boolean> {
	if (route === 'GET /api/freshness') {
		const towns = scope(signed);
		const now = new Date(ctx.config.clock()).toISOString();
		const answer: FreshnessAnswer = { today: beijingDate(now), communities: {}, live: [] };
		if (towns === null || towns.length > 0) {
			const values: DuckDBValue[] = towns ?? [];
			const only = towns ? `AND town IN (${towns.map((_, i) => `$${i + 1}`).join(', ')})` : '';
			const rows = await ctx.store.exec(
				`SELECT community_id, max("at") AS last FROM changes WHERE state <> 'returned' ${only} GROUP BY community_id`,
				values
			);
			for (const r of rows) answer.communities[String(r.community_id)] = beijingDate(String(r.last));
			const served = servedReleases(ctx);
			const open = [
				...(await new Changes(ctx.store).list({ state: 'pending', ...(towns ? { towns } : {}) })),
				...(await new Changes(ctx.store).list({ state: 'accepted', ...(towns ? { towns } : {}) }))
			];
			answer.live = [...new Set(open.filter((c) => unpublished(c, served)).map((c) => c.communityId))].sort();
		}
		sendJson(res, 200, answer);
		return true;
	}
	if (route === 'GET /api/live-changes') {
		const towns = scope(signed);
		const id = new URL(req.url ?? '/', 'http://localhost').searchParams.get('community') ?? '';
		if (!/^[\p{L}\p{N}_.-]{1,64}$/u.test(id))
			throw new HttpError(400, '缺少或错误的小区编号（community）', 'missing or malformed community id');
		const served = servedReleases(ctx);
		const all = await new Changes(ctx.store).list({ communityId: id, ...(towns ? { towns } : {}) });
		const answer: LiveChangesAnswer = { changes: all.filter((c) => unpublished(c, served)) };
		sendJson(res, 200, answer);
		return true;
	}
	return false;
}
