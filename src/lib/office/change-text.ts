/**
 * A town change's field and value in words (issue 22), one way for every screen that shows them: the change
 * history (`ChangeItem`), the keeper's review and the conflicts of a staged release with the towns' changes
 * (`Conflicts`). A value is what the change records as `after` (or `before`): a votes or funds row, a stage events
 * row, a correction `{community_id, column, value}`, or a point `{community_id, lon, lat}` (its before: [lon, lat]).
 */
import { fmt, pick } from '../i18n/lang.svelte';
import { t } from '../i18n/messages';
import { metresBetween, POINT_FIELD, pointOf, pointText } from '../ingest/point-entry';
import type { Point } from '../ingest/placement';
import { worksItem } from '../policy';
import type { FundRow, StageEventRow, VoteRow, WorksRow } from '../schema/rows';
import { FUND_SOURCES, STAGES, table, VOTE_KINDS } from '../schema/schema';

/** The kind of change a field (`votes.<kind>`, `funds.<source>`, `stage_events.<stage>`, `communities.<column>`,
 *  `communities.point`, `works.<item id>`) is. */
export type ChangeKind = 'vote' | 'fund' | 'stage' | 'fact' | 'point' | 'works' | 'other';

export function changeKind(field: string): ChangeKind {
	if (field === POINT_FIELD) return 'point';
	if (field.startsWith('votes.')) return 'vote';
	if (field.startsWith('funds.')) return 'fund';
	if (field.startsWith('stage_events.')) return 'stage';
	if (field.startsWith('communities.')) return 'fact';
	if (field.startsWith('works.')) return 'works';
	return 'other';
}

/** A column of the communities table as the office's spreadsheet heads it (English: with the schema's name). */
export function factColumnLabel(column: string): string {
	const c = table('communities').columns.find((x) => x.name === column);
	return c ? pick({ zh: c.zh, en: `${c.zh} (${c.name})` }) : column;
}

/** A 附件1 item by its id, in the reader's language (the catalogue's Chinese name; the id when it is none). */
export function worksItemLabel(itemId: string): string {
	const item = worksItem(itemId);
	return item ? pick({ zh: item.name, en: item.en }) : itemId;
}

/** What a change of `field` records, in words: the vote's kind, the fund's source, 进度阶段, 更正小区信息, the works
 *  item (改造项目“屋面防漏维修”). */
export function changeFieldLabel(field: string): string {
	const kind =
		VOTE_KINDS.find((k) => `votes.${k.code}` === field) ??
		FUND_SOURCES.find((k) => `funds.${k.code}` === field);
	if (kind) return pick(kind);
	switch (changeKind(field)) {
		case 'stage':
			return t('office.change.stageField');
		case 'fact':
			return t('office.change.factField');
		case 'point':
			return t('office.change.pointField');
		case 'works':
			return t('office.change.worksField', { item: worksItemLabel(field.slice('works.'.length)) });
		default:
			return field;
	}
}

const day = (d: unknown) => String(d).slice(0, 10);

/**
 * A community fact's value as a reader reads it: '—' when empty; a number of a column in 元 as money (5,200,000.00元),
 * of a column in ㎡ as area, other numbers grouped; text as it is.
 */
export function factValueText(column: string, value: unknown): string {
	if (value === null || value === undefined || value === '') return '—';
	const c = table('communities').columns.find((x) => x.name === column);
	const n = typeof value === 'number' ? value : Number(value);
	if (c?.type !== 'number' || !Number.isFinite(n)) return String(value);
	if (c.unit === '元') return fmt.yuan(n);
	if (c.unit === '㎡') return fmt.sqm(n);
	return fmt.number(n);
}

/**
 * A value a change of `field` records, in words: a vote's four tallies and day, a payment's amount (元) and day, a
 * stage and the day it began, a correction's column and value ('—' when empty), a works item's estimate and final
 * cost (元; 决算未定 while none).
 */
export function changeValueText(field: string, v: unknown): string {
	switch (changeKind(field)) {
		case 'fund': {
			const r = v as FundRow;
			return t('office.change.fund', { amount: fmt.yuan(r.amount), date: day(r.date) });
		}
		case 'stage': {
			const r = v as StageEventRow;
			const s = STAGES.find((x) => x.code === r.stage);
			return t('office.change.stage', { stage: s ? pick(s) : r.stage, date: day(r.date) });
		}
		case 'fact': {
			const r = v as { column: string; value: unknown };
			return t('office.change.fact', {
				column: factColumnLabel(r.column),
				value: factValueText(r.column, r.value)
			});
		}
		case 'point': {
			// after: {community_id, lon, lat}; before: [lon, lat] or null (no point yet)
			const p = pointValue(v);
			return t('office.change.point', { point: p ? pointText(p) : '—' });
		}
		case 'works': {
			const r = v as WorksRow;
			return t('office.change.works', {
				estimated: fmt.yuan(r.estimated_cost),
				final:
					r.final_cost === null || r.final_cost === undefined
						? t('office.change.worksNoFinal')
						: fmt.yuan(r.final_cost)
			});
		}
		case 'vote': {
			const r = v as VoteRow;
			return t('office.change.vote', {
				po: r.participating_owners,
				pa: r.participating_area,
				ao: r.agree_owners,
				aa: r.agree_area,
				date: day(r.date)
			});
		}
		default:
			return JSON.stringify(v);
	}
}

/** A point change's value as [lon, lat]: the after's `{lon, lat}` or the before's `[lon, lat]`; null when none. */
function pointValue(v: unknown): Point | null {
	if (Array.isArray(v)) return pointOf({ lon: v[0], lat: v[1] });
	return v && typeof v === 'object' ? pointOf(v as { lon?: unknown; lat?: unknown }) : null;
}

/**
 * What a point change replaced, in words: the point before and how far the change moves it ("此前：120.950000,
 * 28.120000，移动 1,234 米"), or that it had none (placed, not moved).
 */
export function pointBeforeText(before: unknown, after: unknown): string {
	const [a, b] = [pointValue(before), pointValue(after)];
	if (!a) return t('office.change.pointNone');
	return t('office.change.pointMoved', {
		before: pointText(a),
		m: b ? fmt.number(Math.round(metresBetween(a, b))) : '—'
	});
}
