import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from './api';
import { beijingTime, townFreshness } from './freshness';

const change = (town: string, at: string, state: ChangeRecord['state'] = 'pending'): ChangeRecord => ({
	id: `${town}-${at}`,
	key: 'k',
	user: 'u',
	at,
	communityId: 'YQ1',
	town,
	field: 'votes.scheme',
	before: null,
	after: {},
	note: null,
	state,
	reviewNote: null,
	reviewer: null,
	reviewedAt: null,
	release: null
});

describe('how current each town keeps its data (issue 22)', () => {
	it('counts per town: last change, changes this month (Beijing days), waiting for review', () => {
		const rows = townFreshness(
			[
				change('城东街道', '2026-12-01T01:00:00.000Z', 'accepted'),
				change('城东街道', '2026-12-07T02:00:00.000Z'),
				// 2026-11-30 17:00 UTC is 1 December 01:00 in 乐清: this month
				change('乐成街道', '2026-11-30T17:00:00.000Z', 'returned'),
				// 2026-11-30 15:00 UTC is 30 November 23:00 in 乐清: last month
				change('乐成街道', '2026-11-30T15:00:00.000Z')
			],
			new Date('2026-12-07T03:00:00.000Z')
		);
		expect(rows).toEqual([
			{ town: '乐成街道', last: '2026-11-30T17:00:00.000Z', thisMonth: 1, pending: 1 },
			{ town: '城东街道', last: '2026-12-07T02:00:00.000Z', thisMonth: 2, pending: 1 }
		]);
		expect(townFreshness([], new Date())).toEqual([]);
		expect(beijingTime('2026-11-30T17:05:00.000Z')).toBe('2026-12-01 01:05');
	});
});
