// The towns' side of the API (issue 22): a town account's own communities, the changes it records (a scheme or
// application vote, checked by the importer's rules and the engine's before it is stored; a payment of resident
// funds or social capital, checked by the importer's rules; a stage reached, checked by the importer's rules and the
// workflow's order; a works item and its cost, checked by the importer's rules, a change of the item's row or a new
// one), the
// keeper's review (accept, return with a note), and the accepted changes staged onto the current release as a new
// release, published as any other.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { checkFactEntry } from '../src/lib/ingest/fact-entry';
import { checkFundEntry } from '../src/lib/ingest/fund-entry';
import type { Point } from '../src/lib/ingest/placement';
import { checkPointEntry, POINT_FIELD, type PointValue } from '../src/lib/ingest/point-entry';
import { checkStageEntry } from '../src/lib/ingest/stage-entry';
import { checkWorksEntry } from '../src/lib/ingest/works-entry';
import { worksRowsOf } from '../src/lib/office/town-inputs';
import {
	checkVoteEntry,
	VOTE_ENTRY_COLUMNS,
	type EntryProblem,
	type VoteEntry
} from '../src/lib/ingest/vote-entry';
import type { VoteRow } from '../src/lib/schema/rows';
import { TOWN_DEPARTMENT } from '../src/lib/policy';
import { policyInForce } from '../src/lib/verdict/derived';
import type { Signed } from './auth';
import { Changes, validKey, type ChangeQuery, type ChangeState } from './changes';
import { currentDataDir, need, type Context } from './context';
import { HttpError, readJson, sendJson } from './http';
import { stage } from './stage';
import {
	dataAsOf,
	factField,
	fundField,
	replayInput,
	stageField,
	townCommunities,
	voteField,
	withCommunityNames,
	worksField
} from './town-data';
import { pointGeography } from './town-geo';
import { townSupplement } from './town-supplement';
import { QueueRefused } from './validations';

/** The file of a release that lists the town changes it carries. */
export const CHANGES_FILE = 'changes.json';

const STATES: readonly ChangeState[] = ['pending', 'accepted', 'returned', 'superseded'];

/** A note: optional text, at most 500 characters. */
function noteOf(v: unknown): string | null {
	if (v === undefined || v === null || v === '') return null;
	if (typeof v !== 'string') throw new HttpError(400, '备注应为文字', 'a note must be text');
	const text = v.trim();
	if (text.length > 500) throw new HttpError(400, '备注最多 500 字', 'a note is at most 500 characters');
	return text || null;
}

/** A form's values the importer's rules refuse: 422 with each problem (column, Chinese, English). */
function refusal(problems: EntryProblem[]): HttpError {
	return new HttpError(
		422,
		problems.map((p) => `${p.column}：${p.zh}`).join('；'),
		problems.map((p) => `${p.column}: ${p.en}`).join('; '),
		{ problems }
	);
}

/**
 * A town's point for community `c` (its row as served) of `town`, checked again here as on the form (the point
 * inside 乐清 and inside the community's own town, by the data's own boundaries; not the point it has now): the
 * change's before ([lon, lat] or null) and after, or 422 with the problems.
 */
function pointChange(
	entry: Record<string, unknown>,
	c: Record<string, unknown>,
	town: string,
	dataDir: string
): { before: Point | null; after: PointValue } {
	const check = checkPointEntry(
		{ lon: entry.lon, lat: entry.lat },
		c,
		{ code: String(c.town_code), name: town },
		pointGeography(dataDir)
	);
	if (!check.point) throw refusal(check.problems);
	return {
		before: check.before,
		after: { community_id: String(c.id), lon: check.point[0], lat: check.point[1] }
	};
}

/** Only a town account: its towns. */
function townOf(signed: Signed | undefined): { signed: Signed; towns: string[] } {
	const me = need(signed, 'town');
	if (me.user.role !== 'town')
		throw new HttpError(403, '此功能仅供乡镇（街道）账户使用', 'this is for town accounts only');
	return { signed: me, towns: me.user.towns };
}

export async function townApi(
	ctx: Context,
	req: IncomingMessage,
	res: ServerResponse,
	route: string,
	signed: Signed | undefined
): Promise<boolean> {
	const changes = new Changes(ctx.store);
	if (route === 'GET /api/town') {
		const { towns } = townOf(signed);
		const dataDir = currentDataDir(ctx);
		sendJson(res, 200, {
			towns,
			asOf: dataAsOf(dataDir),
			release: ctx.releases.current(),
			communities: await townCommunities(dataDir, towns)
		});
		return true;
	}
	if (route === 'GET /api/town/supplement') {
		// one of the account's own towns' 资料补充表 (another town's is refused as if it did not exist)
		const { towns } = townOf(signed);
		const name = new URL(req.url ?? '/', 'http://localhost').searchParams.get('town') ?? '';
		const file = towns.includes(name) ? await townSupplement(currentDataDir(ctx), name) : null;
		if (!file)
			throw new HttpError(
				404,
				`本账户所辖乡镇（街道）中没有“${name.slice(0, 40)}”`,
				`no town "${name.slice(0, 40)}" among this account's towns`
			);
		res.writeHead(200, {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="supplement.xlsx"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		});
		res.end(file.bytes);
		return true;
	}
	if (route === 'POST /api/changes') {
		const { signed: me, towns } = townOf(signed);
		// the whole body or nothing: a body cut short is refused (400) before anything is looked at
		const body = await readJson(req);
		if (!validKey(body.key))
			throw new HttpError(
				400,
				'缺少或错误的提交编号（key）：请刷新页面后重试',
				'missing or malformed idempotency key: reload the page and try again'
			);
		if (typeof body.communityId !== 'string')
			throw new HttpError(400, '缺少字段“communityId”', 'missing field "communityId"');
		const given = (['vote', 'fund', 'stage', 'fact', 'point', 'works'] as const).filter(
			(k) => body[k] !== undefined && body[k] !== null
		);
		const entry = given.length === 1 ? (body[given[0]!] as Record<string, unknown>) : undefined;
		if (!entry || typeof entry !== 'object')
			throw new HttpError(
				400,
				'须有且只有一项：表决（vote）、到账（fund）、阶段（stage）、更正（fact）、位置（point）或改造项目（works）',
				'exactly one of a vote (vote), a payment (fund), a stage (stage), a correction (fact), a point (point) or a works item (works) is needed'
			);
		const text = (c: string) => (entry[c] === undefined || entry[c] === null ? '' : String(entry[c]));
		const dataDir = currentDataDir(ctx);
		// the community must be one of this account's towns': another town's is as unknown as a missing one
		const [found] = await townCommunities(dataDir, towns, body.communityId);
		if (!found)
			throw new HttpError(
				404,
				`本账户所辖乡镇（街道）中没有小区 ${body.communityId}`,
				`no community ${body.communityId} in this account's towns`
			);
		const c = found.community;
		if (body.fund) {
			const fund = checkFundEntry(
				{ source: text('source'), date: text('date'), amount: text('amount') },
				String(c.id)
			);
			if (!fund.row) throw refusal(fund.problems);
			const row = fund.row;
			// what that source had brought in until then, in 元 (the deposits in the data served now)
			const raised = found.funds
				.filter((f) => f.source === row.source)
				.reduce((sum, f) => sum + Number(f.amount), 0);
			await record(fundField(row.source), row.community_id, { raised }, row);
			return true;
		}
		if (body.point) {
			const { before, after } = pointChange(entry, c, found.town, dataDir);
			await record(POINT_FIELD, after.community_id, before, after);
			return true;
		}
		if (body.works) {
			// the item's row by the importer's rules; the community's row of that item served now is its before
			const check = checkWorksEntry(
				{
					item_id: text('item_id'),
					estimated_cost: text('estimated_cost'),
					final_cost: text('final_cost')
				},
				String(c.id),
				{ code: String(c.town_code), name: found.town },
				worksRowsOf(found)
			);
			if (!check.row) throw refusal(check.problems);
			await record(worksField(check.row.item_id), String(c.id), check.before, check.row);
			return true;
		}
		if (body.fact) {
			// the community's row served now, with the one cell replaced, validated whole by the importer
			const column = text('column');
			const check = checkFactEntry({ column, value: text('value') }, c, {
				code: String(c.town_code),
				name: found.town
			});
			if (check.value === undefined) throw refusal(check.problems);
			if (check.value === check.before)
				throw refusal([
					{ column, zh: '与现有数据相同，无需更正', en: 'the same as the data: nothing to correct' }
				]);
			await record(factField(column), String(c.id), check.before, {
				community_id: String(c.id),
				column,
				value: check.value
			});
			return true;
		}
		if (body.stage) {
			// the community's stages in the data served now: the stage must be the workflow's next, not dated before
			const stages = found.stages.map((s) => ({ stage: String(s.stage), date: String(s.date).slice(0, 10) }));
			const check = checkStageEntry(
				{ stage: text('stage'), date: text('date') },
				String(c.id),
				stages,
				policyInForce(dataAsOf(dataDir)),
				TOWN_DEPARTMENT // a town records its own stages only (附件2)
			);
			if (!check.row) throw refusal(check.problems);
			const latest = check.latest ? { community_id: String(c.id), ...check.latest } : null;
			await record(stageField(check.row.stage), check.row.community_id, latest, check.row);
			return true;
		}
		const typed = Object.fromEntries(
			VOTE_ENTRY_COLUMNS.map((col) => [col, text(col)])
		) as unknown as VoteEntry;
		const check = checkVoteEntry(
			typed,
			{ community_id: String(c.id), owners: Number(c.owners), exclusive_area: Number(c.exclusive_area) },
			policyInForce(dataAsOf(dataDir))
		);
		if (!check.row) throw refusal(check.problems);
		const row: VoteRow = check.row;
		const before =
			found.votes
				.filter((v) => v.kind === row.kind)
				.sort((a, b) => String(a.date).localeCompare(String(b.date)))
				.at(-1) ?? null;
		await record(voteField(row.kind), row.community_id, before, row);
		return true;

		/** Record the change once per key (a repeat gets the first back, 200), in the audit log when new (201). */
		async function record(field: string, communityId: string, before: unknown, after: unknown) {
			const { change, repeated } = await changes.record(
				{
					key: String(body.key),
					user: me.user.name,
					communityId,
					town: found!.town,
					field,
					before,
					after,
					note: noteOf(body.note)
				},
				new Date(ctx.config.clock()).toISOString()
			);
			if (!repeated)
				await ctx.store.audit({
					user: me.user.name,
					action: 'change',
					target: change.communityId,
					outcome: 'ok',
					detail: `${change.id} ${change.field}`
				});
			sendJson(res, repeated ? 200 : 201, { change, repeated });
		}
	}
	if (route === 'GET /api/changes') {
		const me = need(signed, 'town');
		const q = new URL(req.url ?? '/', 'http://localhost').searchParams;
		const query: ChangeQuery = {};
		const state = q.get('state');
		if (state) {
			if (!(STATES as readonly string[]).includes(state))
				throw new HttpError(400, '状态无效', 'unknown state');
			query.state = state as ChangeState;
		}
		const community = q.get('community');
		if (community) query.communityId = community;
		const town = q.get('town');
		// a town account sees its own towns' changes only, whatever it asks for
		if (me.user.role === 'town') query.towns = town ? me.user.towns.filter((t) => t === town) : me.user.towns;
		else if (town) query.towns = [town];
		sendJson(res, 200, { changes: await withCommunityNames(currentDataDir(ctx), await changes.list(query)) });
		return true;
	}
	const review = /^POST \/api\/changes\/([A-Za-z0-9-]{1,64})\/review$/.exec(route);
	if (review) {
		const me = need(signed, 'keeper');
		const id = review[1]!;
		const body = await readJson(req);
		if (body.decision !== 'accepted' && body.decision !== 'returned')
			throw new HttpError(400, '请选择“接受”或“退回”', 'decision must be accepted or returned');
		const note = noteOf(body.note);
		if (body.decision === 'returned' && !note)
			throw new HttpError(400, '退回须写明原因', 'a returned change needs a note saying why');
		if (!(await changes.get(id))) throw new HttpError(404, `没有变更 ${id}`, `no change ${id}`);
		if (
			!(await changes.review(
				id,
				body.decision,
				me.user.name,
				note,
				new Date(ctx.config.clock()).toISOString()
			))
		)
			throw new HttpError(409, '该变更已审核过', 'this change has been reviewed already');
		await ctx.store.audit({
			user: me.user.name,
			action: 'change-review',
			target: id,
			outcome: 'ok',
			detail: `${body.decision}${note ? `: ${note}` : ''}`
		});
		sendJson(res, 200, { change: await changes.get(id) });
		return true;
	}
	if (route === 'POST /api/changes/stage') {
		const me = need(signed, 'keeper');
		const current = ctx.releases.current();
		// accepted and not in the data served now: never staged, staged in a release not published, or carried by a
		// release rolled back from (Releases.lineage: the releases the current one was built on)
		const served = ctx.releases.lineage(current);
		const carried = (await changes.list({ state: 'accepted' })).filter(
			(c) => c.release === null || !served.has(c.release)
		);
		if (carried.length === 0)
			throw new HttpError(400, '没有已接受、待发布的变更', 'no accepted change waits to be published');
		const { releases } = ctx;
		const id = releases.newId();
		const tmp = releases.tmpPath(id);
		const source = join(tmp, 'source');
		mkdirSync(source, { recursive: true });
		const dataDir = currentDataDir(ctx);
		await replayInput(dataDir, source, carried);
		writeFileSync(join(tmp, CHANGES_FILE), JSON.stringify(carried));
		const pending = { id, files: readdirSync(source).sort(), inputs: [source] };
		const gone = new AbortController();
		res.on('close', () => res.writableFinished || gone.abort());
		let staged;
		try {
			staged = await ctx.validations.run(
				{ ticket: `changes-${id}`, user: me.user.name, files: pending.files },
				() =>
					stage(
						releases,
						pending,
						me.user.name,
						{ id: current, dataDir },
						{ seconds: ctx.config.validateSeconds, memoryMB: ctx.config.validateMemoryMB },
						() => changes.list({ state: 'accepted' })
					),
				gone.signal
			);
		} catch (e) {
			rmSync(tmp, { recursive: true, force: true });
			if (!(e instanceof QueueRefused)) throw e;
			throw new HttpError(e.status, e.zh, e.en);
		}
		if (staged.info.ok)
			await changes.carry(
				carried.map((c) => c.id),
				id
			);
		await ctx.store.audit({
			user: me.user.name,
			action: 'import',
			target: id,
			outcome: staged.info.ok ? 'ok' : 'failed',
			detail: `${carried.length} town change(s): ${carried.map((c) => c.id).join(', ')}`
		});
		sendJson(res, 200, { ...staged, changes: await withCommunityNames(dataDir, carried) });
		return true;
	}
	return false;
}
