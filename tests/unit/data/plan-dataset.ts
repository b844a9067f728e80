// The city plan table (tests/fixtures/partial/城市计划表.xlsx) imported as /data imports it, for the tests of
// issue 20's partial list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../../../src/lib/ingest/import';
import { suggestedPoint, withPlacements } from '../../../src/lib/ingest/placement';
import type { Dataset } from '../../../src/lib/schema/rows';
import { geo, locate } from './load';

const FIXTURE = join(import.meta.dirname, '../../fixtures/partial/城市计划表.xlsx');

/** The plan table imported as /data imports it, each community placed at its town's seat. */
export async function planDataset(): Promise<{
	dataset: Dataset;
	problems: Awaited<ReturnType<typeof importFiles>>['problems'];
}> {
	const r = await importFiles([{ name: '城市计划表.xlsx', bytes: new Uint8Array(readFileSync(FIXTURE)) }], {
		defaultTowns: geo.towns,
		locate,
		allowMissingPoint: true
	});
	const placements = Object.fromEntries(
		r.dataset.communities.map((c) => [c.id, suggestedPoint(c, r.dataset.towns)!])
	);
	return { dataset: withPlacements(r.dataset, placements), problems: r.problems };
}
