/**
 * A dataset folder's metadata.json (the example's, or one a keeper uploads with the ledger it describes): the data's
 * title, its date (数据截至) and whether it is the example. Checked field by field, so that a hand-edited or broken
 * file is refused with a message naming the field, not a stack trace, and a release never takes a date it cannot
 * read. Pure.
 */
import type { DatasetMeta } from '../schema/rows';
import { SCHEMA_VERSION } from '../schema/schema';
import type { Problem } from './problems';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
function isDay(v: unknown): v is string {
	if (typeof v !== 'string' || !ISO_DAY.test(v)) return false;
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * Read `text`, the content of the metadata file `file` (its name as the keeper gave it, for the messages).
 * @param schematicDefault — whether the town regions are schematic when the file does not say (the build knows:
 *   true unless a boundary file was among the inputs)
 * @returns the metadata (optional fields kept only when well-formed), or the problems — errors naming the file and
 *   the field, in Chinese and English; never throws.
 */
export function readDatasetMeta(
	text: string,
	file = 'metadata.json',
	schematicDefault = true
): { meta: DatasetMeta; problems: [] } | { meta: undefined; problems: Problem[] } {
	const problem = (column: string, value: unknown, zh: string, en: string): Problem => ({
		file,
		row: 0,
		column,
		value: value === undefined ? undefined : String(JSON.stringify(value)).slice(0, 80),
		zh,
		en,
		kind: 'metadata',
		level: 'error'
	});
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		return {
			meta: undefined,
			problems: [
				problem(
					'',
					undefined,
					`不是有效的 JSON（${(e as Error).message}）；数据集说明文件应为 {"title": …, "asOf": "YYYY-MM-DD", …}，或不上传此文件`,
					`not valid JSON (${(e as Error).message}); a dataset's metadata file is {"title": …, "asOf": "YYYY-MM-DD", …} — or leave it out`
				)
			]
		};
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return {
			meta: undefined,
			problems: [problem('', value, '应为一个 JSON 对象（{…}）', 'must be a JSON object ({…})')]
		};
	const m = value as Record<string, unknown>;
	const problems: Problem[] = [];
	if (typeof m.title !== 'string' || m.title.trim() === '')
		problems.push(problem('title', m.title, '缺少数据标题（title）', 'the title (title) is missing'));
	if (!isDay(m.asOf))
		problems.push(
			problem(
				'asOf',
				m.asOf,
				'数据截至日期（asOf）应为 YYYY-MM-DD 格式的日期',
				'the data’s date (asOf) must be a date written YYYY-MM-DD'
			)
		);
	if (m.example !== undefined && typeof m.example !== 'boolean')
		problems.push(
			problem('example', m.example, '“example” 应为 true 或 false', '"example" must be true or false')
		);
	if (m.schematicBoundaries !== undefined && typeof m.schematicBoundaries !== 'boolean')
		problems.push(
			problem(
				'schematicBoundaries',
				m.schematicBoundaries,
				'“schematicBoundaries” 应为 true 或 false',
				'"schematicBoundaries" must be true or false'
			)
		);
	if (m.schemaVersion !== undefined && m.schemaVersion !== SCHEMA_VERSION)
		problems.push(
			problem(
				'schemaVersion',
				m.schemaVersion,
				`数据结构版本（schemaVersion）应为 ${SCHEMA_VERSION}：此文件写于另一版本，请按当前模板核对后删去或改正此项`,
				`the schema version (schemaVersion) must be ${SCHEMA_VERSION}: the file was written for another version — check the data against the current template, then fix or remove the field`
			)
		);
	if (problems.length > 0) return { meta: undefined, problems };
	const meta: DatasetMeta = {
		example: m.example === true,
		title: (m.title as string).trim(),
		schemaVersion: SCHEMA_VERSION,
		asOf: m.asOf as string,
		schematicBoundaries: typeof m.schematicBoundaries === 'boolean' ? m.schematicBoundaries : schematicDefault
	};
	if (typeof m.seed === 'number' && Number.isFinite(m.seed)) meta.seed = m.seed;
	if (typeof m.note === 'string') meta.note = m.note;
	return { meta, problems: [] };
}
