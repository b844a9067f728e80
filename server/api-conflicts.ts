// A staged release's conflicts with the towns' accepted changes (issue 22: "nothing is overwritten silently"), the
// keeper's side: every conflict decided before the release may be published (`publishRefusal`), and the decisions
// (POST /api/releases/:id/conflicts): "take the upload's" marks the change superseded; "keep the town's" stages a
// new release — the staged release's data with the kept changes replayed (town-data.ts replayInput), validated by
// the importer through the queue as any upload — which then has no conflict for them. Every decision is audited.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { ChangeRecord, ConflictChoice } from '../src/lib/office/api';
import type { Signed } from './auth';
import { CHANGES_FILE } from './api-town';
import { Changes } from './changes';
import type { TownConflict } from './conflicts';
import { currentDataDir, need, type Context } from './context';
import { HttpError, readJson, sendJson } from './http';
import { isReleaseId } from './releases';
import { readConflicts, stage, writeConflicts, type Staged } from './stage';
import { replayInput } from './town-data';
import { QueueRefused } from './validations';

/** The accepted changes now, as staging and rebase compare with them. */
export const acceptedChanges = (ctx: Context) => () => new Changes(ctx.store).list({ state: 'accepted' });

/** The conflicts of release `id` still open: their change is still accepted (not superseded by the upload). */
async function openConflicts(ctx: Context, id: string): Promise<TownConflict[]> {
	const changes = new Changes(ctx.store);
	const open: TownConflict[] = [];
	for (const c of readConflicts(ctx.releases, id))
		if ((await changes.get(c.changeId))?.state === 'accepted') open.push(c);
	return open;
}

/**
 * Why release `id` may not be published yet, or null: a conflict undecided, or a conflict whose keeper chose the
 * town's value (then the release staged with it kept is the one to publish). A rollback (to a release published
 * before) is not held back.
 */
export async function publishRefusal(ctx: Context, id: string): Promise<HttpError | null> {
	if (ctx.releases.info(id)?.published.length) return null;
	const open = await openConflicts(ctx, id);
	if (open.length === 0) return null;
	const undecided = open.filter((c) => !c.decision);
	if (undecided.length > 0) {
		const where = [...new Set(undecided.map((c) => c.communityId))].slice(0, 5).join('、');
		return new HttpError(
			409,
			`该版本有 ${undecided.length} 处与乡镇填报的冲突尚未处理（小区 ${where}）：上传文件会覆盖乡镇已填报、已审核的数据。请在本版本下方“与乡镇填报的冲突”表中逐条选择“保留乡镇填报”或“采用上传文件”，再发布`,
			`this release has ${undecided.length} undecided conflict(s) with values the towns recorded (community ${where}): the upload would overwrite them. Choose "keep the town's" or "take the upload's" for each in the release's table of conflicts with town changes, then publish`,
			{ conflicts: undecided.length }
		);
	}
	const kept = [...new Set(open.map((c) => c.decision?.release).filter(Boolean))].join('、');
	return new HttpError(
		409,
		`该版本缺少已选择保留的 ${open.length} 条乡镇填报，不能发布：请发布保留了它们的新版本 ${kept}`,
		`this release lacks ${open.length} town change(s) the keeper chose to keep: publish the release made with them, ${kept}`,
		{ conflicts: open.length }
	);
}

/** The decisions of a request body: each a change of the release's conflicts, once, with a known choice. */
function decisionsOf(body: Record<string, unknown>, conflicts: TownConflict[]) {
	const list = body.decisions;
	if (!Array.isArray(list) || list.length === 0)
		throw new HttpError(400, '请至少选择一条冲突的处理方式', 'choose how to decide at least one conflict');
	const seen = new Set<string>();
	return list.map((d: unknown) => {
		const { changeId, choice } = (d ?? {}) as { changeId?: unknown; choice?: unknown };
		const conflict = conflicts.find((c) => c.changeId === changeId);
		if (!conflict)
			throw new HttpError(
				400,
				`该版本没有变更 ${String(changeId)} 的冲突`,
				`no conflict of change ${String(changeId)} in this release`
			);
		if (choice !== 'town' && choice !== 'upload')
			throw new HttpError(400, '处理方式应为“保留乡镇填报”或“采用上传文件”', 'choice must be town or upload');
		if (seen.has(conflict.changeId))
			throw new HttpError(400, `变更 ${conflict.changeId} 重复`, `change ${conflict.changeId} given twice`);
		seen.add(conflict.changeId);
		if (choice === 'town' && conflict.reason === 'community-absent')
			throw new HttpError(
				409,
				`上传文件中已没有小区 ${conflict.communityId}，无法保留乡镇填报：请采用上传文件，或在上传文件中恢复该小区后重新上传`,
				`the upload no longer has community ${conflict.communityId}, so the town's value cannot be kept: take the upload's, or put the community back in the upload and upload again`
			);
		return { conflict, choice: choice as ConflictChoice };
	});
}

export async function conflictApi(
	ctx: Context,
	req: IncomingMessage,
	res: ServerResponse,
	route: string,
	signed: Signed | undefined
): Promise<boolean> {
	const m = /^POST \/api\/releases\/([^/]+)\/conflicts$/.exec(route);
	if (!m) return false;
	const me = need(signed, 'keeper');
	const id = m[1]!;
	const { releases, store } = ctx;
	const info = isReleaseId(id) ? releases.info(id) : undefined;
	if (!info) throw new HttpError(404, `没有发布版本 ${id}`, `no release ${id}`);
	if (!info.ok || info.published.length > 0 || releases.current() === id)
		throw new HttpError(
			409,
			'只有校验通过、尚未发布的版本才能处理冲突',
			'only a release that validated and was never published has conflicts to decide'
		);
	const current = releases.current();
	if (info.base !== current)
		throw new HttpError(
			409,
			'另一位维护人员已发布了新数据：请先重新比对差异（冲突也会重新比对），再处理冲突',
			'another keeper has published since: compare again first (the conflicts are compared again too), then decide',
			{ conflict: true, current }
		);
	const body = await readJson(req);
	const conflicts = readConflicts(releases, id);
	const decisions = decisionsOf(body, conflicts);
	const changes = new Changes(store);
	const records = new Map<string, ChangeRecord>();
	for (const { conflict } of decisions) {
		const change = await changes.get(conflict.changeId);
		if (change?.state !== 'accepted')
			throw new HttpError(
				409,
				`变更 ${conflict.changeId} 已处理过（现为 ${change?.state ?? '不存在'}）`,
				`change ${conflict.changeId} has been decided already (now ${change?.state ?? 'gone'})`
			);
		records.set(change.id, change);
	}
	const now = () => new Date(ctx.config.clock()).toISOString();
	const decided = new Map<string, NonNullable<TownConflict['decision']>>();
	/** The decisions made so far written into the release's conflicts.json. */
	const recordDecisions = () =>
		writeConflicts(
			releases,
			id,
			readConflicts(releases, id).map((c) => {
				const decision = decided.get(c.changeId);
				return decision ? { ...c, decision } : c;
			})
		);
	// the upload's value: the change is superseded, recorded with who, when and the release
	for (const { conflict } of decisions.filter((d) => d.choice === 'upload')) {
		const at = now();
		if (!(await changes.supersede(conflict.changeId, me.user.name, at, id))) continue;
		decided.set(conflict.changeId, { choice: 'upload', by: me.user.name, at });
		await store.audit({
			user: me.user.name,
			action: 'conflict',
			target: conflict.changeId,
			outcome: 'ok',
			detail: `upload's value taken over the town's in release ${id}`
		});
	}
	recordDecisions();
	const kept = decisions.filter((d) => d.choice === 'town').map((d) => records.get(d.conflict.changeId)!);
	let staged: Staged | undefined;
	if (kept.length > 0) {
		staged = await stageKept(me.user.name, id, kept);
		if (staged.info.ok) {
			// carried by the new release unless a release the data served now was built on carries them already
			// (Releases.lineage; its data has them: a payment replayed onto it again would count twice)
			const served = releases.lineage(releases.current());
			await changes.carry(
				kept.filter((c) => c.release === null || !served.has(c.release)).map((c) => c.id),
				staged.info.id
			);
			for (const c of kept) {
				const at = now();
				decided.set(c.id, { choice: 'town', by: me.user.name, at, release: staged.info.id });
				await store.audit({
					user: me.user.name,
					action: 'conflict',
					target: c.id,
					outcome: 'ok',
					detail: `town's value kept: release ${staged.info.id} staged over release ${id}`
				});
			}
		}
	}
	recordDecisions();
	if (staged) {
		sendJson(res, 200, { ...staged, changes: kept, from: id });
		return true;
	}
	sendJson(res, 200, { info: releases.info(id), conflicts: readConflicts(releases, id), from: id });
	return true;

	/** The release `from`'s data with `kept` replayed, staged as a new release through the validation queue. */
	async function stageKept(user: string, from: string, kept: ChangeRecord[]): Promise<Staged> {
		const newId = releases.newId();
		const tmp = releases.tmpPath(newId);
		const source = join(tmp, 'source');
		mkdirSync(source, { recursive: true });
		await replayInput(join(releases.path(from), 'data'), source, kept);
		writeFileSync(join(tmp, CHANGES_FILE), JSON.stringify(kept));
		const pending = { id: newId, files: readdirSync(source).sort(), inputs: [source] };
		const gone = new AbortController();
		res.on('close', () => res.writableFinished || gone.abort());
		let result: Staged;
		try {
			result = await ctx.validations.run(
				{ ticket: `conflicts-${newId}`, user, files: pending.files },
				() =>
					stage(
						releases,
						pending,
						user,
						{ id: current, dataDir: currentDataDir(ctx) },
						{ seconds: ctx.config.validateSeconds, memoryMB: ctx.config.validateMemoryMB },
						acceptedChanges(ctx)
					),
				gone.signal
			);
		} catch (e) {
			rmSync(tmp, { recursive: true, force: true });
			if (!(e instanceof QueueRefused)) throw e;
			throw new HttpError(e.status, e.zh, e.en);
		}
		await store.audit({
			user,
			action: 'import',
			target: newId,
			outcome: result.info.ok ? 'ok' : 'failed',
			detail: `${kept.length} town change(s) kept over release ${from}: ${kept.map((c) => c.id).join(', ')}`
		});
		return result;
	}
}
