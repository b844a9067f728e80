import { describe, expect, it } from 'vitest';
import type { Problem } from '$lib/ingest/problems';
import { groupByKind, kindLabel } from './problem-kinds';

const p = (kind: string | undefined, row: number): Problem => ({
	file: 'a.xlsx',
	row,
	kind,
	zh: '…',
	en: '…',
	level: 'notice'
});

describe('the report’s groups', () => {
	it('groups by kind, reading first (header found), then row problems, the validator’s checks, unknown kinds last', () => {
		const groups = groupByKind([
			p('duplicate', 9),
			p(undefined, 4),
			p('zz-new', 1),
			p('header-found', 2),
			p('duplicate', 5)
		]);
		expect(groups.map((g) => g.kind)).toEqual(['header-found', 'duplicate', 'cell', 'zz-new']);
		expect(groups[1]!.problems.map((x) => x.row)).toEqual([9, 5]);
	});

	it('names a kind in both languages, an unknown one by its code', () => {
		expect(kindLabel('header-found')).toEqual({ zh: '找到的表头行', en: 'Header row found' });
		expect(kindLabel('zz-new')).toEqual({ zh: 'zz-new', en: 'zz-new' });
	});
});
