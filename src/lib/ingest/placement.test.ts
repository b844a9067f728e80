import { describe, expect, it } from 'vitest';
import { hasPoint, placedOnly, suggestedPoint, withoutPoint, withPlacements } from './placement';
import type { CommunityRow, Dataset, TownRow } from '../schema/rows';

const town: TownRow = {
	code: '330382001',
	name: '乐成街道',
	kind: '街道',
	central: true,
	seat_lon: 120.9617,
	seat_lat: 28.1174
};
const community = (id: string, lon: number | null, lat: number | null) =>
	({ id, name: `试验${id}村`, town_code: town.code, lon, lat }) as unknown as CommunityRow;
const dataset = (communities: CommunityRow[]): Dataset => ({
	towns: [town],
	communities,
	works: [{ community_id: 'FC002', item_id: 'building.basic.1.1', estimated_cost: 1000, final_cost: null }],
	votes: [],
	funds: [],
	stage_events: [],
	contacts: []
});

describe('communities without coordinates', () => {
	const d = dataset([
		community('FC001', 120.95, 28.12),
		community('FC002', null, null),
		community('FC003', 120.9, NaN)
	]);

	it('lists those without a usable point', () => {
		expect(withoutPoint(d).map((c) => c.id)).toEqual(['FC002', 'FC003']);
		expect(hasPoint(d.communities[0]!)).toBe(true);
	});

	it('suggests the seat of the town, nothing for an unknown town', () => {
		expect(suggestedPoint(d.communities[1]!, [town])).toEqual([120.9617, 28.1174]);
		expect(suggestedPoint({ town_code: '330382999' }, [town])).toBeUndefined();
	});

	it('writes placed points into the dataset, rounded to six decimals, leaving the others', () => {
		const placed = withPlacements(d, { FC002: [120.123456789, 28.987654321] });
		expect(placed.communities[1]).toMatchObject({ lon: 120.123457, lat: 28.987654 });
		expect(placed.communities[0]).toBe(d.communities[0]);
		expect(withoutPoint(placed).map((c) => c.id)).toEqual(['FC003']);
	});

	it('keeps only placed communities (and their rows) for the map, naming the rest', () => {
		const { dataset: kept, left } = placedOnly(d);
		expect(kept.communities.map((c) => c.id)).toEqual(['FC001']);
		expect(kept.works).toEqual([]);
		expect(left.map((c) => c.id)).toEqual(['FC002', 'FC003']);
	});
});
