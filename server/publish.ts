// Publishing and rolling back: one at a time (a lock in this one process), and only over the release the keeper
// saw (optimistic check on `base`), so two keepers publishing at once get one winner and one clear refusal whose
// staged release stays as it was. The public data is written and leak-scanned, the query database built, and only
// then is the pointer switched.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { scanForLeaks } from '../src/node/leak-scan';
import { writePublicData } from '../src/node/public-data';
import { HttpError } from './http';
import { buildQueryDb } from './query';
import type { ReleaseInfo, Releases } from './releases';

export interface PublishOutcome {
	info: ReleaseInfo;
	/** 'rollback' when the release had been current before. */
	action: 'publish' | 'rollback';
	previous: string | null;
}

export class Publisher {
	private lock: Promise<unknown> = Promise.resolve();

	constructor(private readonly releases: Releases) {}

	/** Make release `id` current, provided the current one is still `base`. Serialised. */
	publish(id: string, base: string | null, by: string): Promise<PublishOutcome> {
		const run = this.lock.then(() => this.run(id, base, by));
		this.lock = run.catch(() => undefined);
		return run;
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
			renameSync(tmp, join(dir, 'public'));
		}
		if (!existsSync(join(dir, 'query.duckdb')))
			await buildQueryDb(join(dir, 'data'), join(dir, 'query.duckdb'));
		this.releases.switchTo(id);
		const action = info.published.length > 0 ? 'rollback' : 'publish';
		const next: ReleaseInfo = {
			...info,
			published: [...info.published, { at: new Date().toISOString(), by }]
		};
		this.releases.writeInfo(next);
		return { info: next, action, previous: current };
	}
}
