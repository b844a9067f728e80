// Publishing and rolling back: one at a time (a lock in this one process), and only over the release the keeper
// saw (optimistic check on `base`), so two keepers publishing at once get one winner and one clear refusal whose
// staged release stays as it was. The public data is written and leak-scanned, the query database built, and only
// then is the pointer switched — with the switch's record in it (releases.ts), then the release file's `published`
// entry, then the audit entry, each written only if missing; `recover` at the next start completes whatever a crash
// left unwritten, so pointer, release file and audit log always end up agreeing. The same lock serialises backups
// and the removal of old failed uploads, so a backup never sees half of a switch.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { scanForLeaks } from '../src/node/leak-scan';
import { writePublicData } from '../src/node/public-data';
import { crashPoint } from './faults';
import { HttpError } from './http';
import { openToReaders } from './modes';
import { buildQueryDb } from './query';
import {
	failedPastRetention,
	type FailedRetention,
	type ReleaseInfo,
	type Releases,
	type SwitchRecord
} from './releases';
import type { Store } from './store';

export interface PublishOutcome {
	info: ReleaseInfo;
	/** 'rollback' when the release had been current before. */
	action: 'publish' | 'rollback';
	previous: string | null;
}

/** What `recover` did at start: the switch whose record it completed, and which parts were missing. */
export interface Recovery {
	record: SwitchRecord;
	completed: ('public link' | 'release file' | 'audit log')[];
}

export class Publisher {
	private lock: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly releases: Releases,
		private readonly store: Store,
		private readonly fault?: string
	) {}

	/** Run `task` when no publish, backup or removal is running, and hold the others until it ends. */
	exclusive<T>(task: () => Promise<T>): Promise<T> {
		const run = this.lock.then(task);
		this.lock = run.catch(() => undefined);
		return run;
	}

	/** Make release `id` current, provided the current one is still `base`. Serialised. */
	publish(id: string, base: string | null, by: string): Promise<PublishOutcome> {
		return this.exclusive(() => this.run(id, base, by));
	}

	private async run(id: string, base: string | null, by: string): Promise<PublishOutcome> {
		const info = this.releases.info(id);
		if (!info) throw new HttpError(404, `没有发布版本 ${id}`, `no release ${id}`);
		if (!info.ok)
			throw new HttpError(409, '该版本校验未通过，不能发布', 'this release did not pass validation');
		const current = this.releases.current();
		if (current === id) throw new HttpError(409, '该版本已是当前版本', 'this release is already current');
		if (current !== base)
			throw new HttpError(
				409,
				'另一位维护人员刚刚发布了新数据。您的版本已保留，未做任何更改；请重新比对差异后再发布',
				'another keeper has just published. Your release is kept unchanged: compare again, then publish',
				{ conflict: true, current }
			);
		const dir = this.releases.path(id);
		if (!existsSync(join(dir, 'public'))) {
			const tmp = join(dir, '.tmp-public');
			rmSync(tmp, { recursive: true, force: true });
			const { secrets } = await writePublicData(join(dir, 'data'), tmp);
			const leaks = await scanForLeaks(tmp, secrets);
			if (leaks.length > 0) {
				rmSync(tmp, { recursive: true, force: true });
				const list = leaks
					.slice(0, 5)
					.map((l) => `${l.file}: ${l.where} “${l.needle}”`)
					.join('; ');
				throw new HttpError(
					422,
					`公开数据含内部信息，未发布：${list}`,
					`the public data holds internal data; not published: ${list}`
				);
			}
			// the public web server (another user) reads it: the only part of a release that is not private
			openToReaders(tmp);
			renameSync(tmp, join(dir, 'public'));
		}
		if (!existsSync(join(dir, 'query.duckdb')))
			await buildQueryDb(join(dir, 'data'), join(dir, 'query.duckdb'));
		const record: SwitchRecord = {
			id,
			action: info.published.length > 0 ? 'rollback' : 'publish',
			by,
			at: new Date().toISOString(),
			previous: current
		};
		this.releases.switchTo(record);
		await this.complete(record);
		crashPoint(this.fault, 'after-audit');
		return { info: this.releases.info(id)!, action: record.action, previous: current };
	}

	/** Write the release file's `published` entry and the audit entry of `record`, each only if it is missing. */
	private async complete(record: SwitchRecord, prefix = ''): Promise<Recovery['completed']> {
		const completed: Recovery['completed'] = [];
		const info = this.releases.info(record.id)!;
		if (!info.published.some((p) => p.at === record.at)) {
			this.releases.writeInfo({ ...info, published: [...info.published, { at: record.at, by: record.by }] });
			completed.push('release file');
		}
		crashPoint(this.fault, `${prefix}after-release-file`);
		if (!(await this.store.hasAudit(record.at, record.action, record.id))) {
			await this.store.audit(
				{
					user: record.by,
					action: record.action,
					target: record.id,
					outcome: 'ok',
					detail: `from ${record.previous ?? 'example'}`
				},
				record.at
			);
			completed.push('audit log');
		}
		return completed;
	}

	/** At start, before serving: complete the record of the last switch (its public link, release file entry and
	 *  audit entry) when a crash came between the pointer and them. Undefined when nothing was missing. */
	async recover(): Promise<Recovery | undefined> {
		const record = this.releases.switchRecord();
		if (!record) return undefined;
		const completed: Recovery['completed'] = [];
		if (!this.releases.publicLinkIs(record.id)) {
			this.releases.linkPublic(record.id);
			completed.push('public link');
		}
		crashPoint(this.fault, 'recover-after-link');
		completed.push(...(await this.complete(record, 'recover-')));
		return completed.length > 0 ? { record, completed } : undefined;
	}

	/** Remove the failed uploads past `rule` (never a release that validated), with an audit entry naming them;
	 *  their ids. At start and after every upload. */
	async pruneFailed(rule: FailedRetention, now: number): Promise<string[]> {
		const removed = await this.exclusive(async () => {
			const doomed = failedPastRetention(this.releases.list(), rule, now);
			for (const id of doomed) this.releases.remove(id);
			return doomed;
		});
		if (removed.length > 0)
			await this.store.audit({
				user: null,
				action: 'prune',
				target: null,
				outcome: 'ok',
				detail: `failed uploads past ${rule.days} days or the newest ${rule.keep}: ${removed.join(', ')}`
			});
		return removed;
	}
}
