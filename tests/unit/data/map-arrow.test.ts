import { describe, expect, it } from 'vitest';
import { deriveStatus, mapColumns } from '../../../src/lib/verdict/derived';
import { readMapColumns } from '../../../src/lib/files/map-columns';
import { mapArrow } from '../../../src/node/map-arrow';
import { loadExample } from './load';
import { YUEQING_2023 } from '../../../src/lib/policy';

describe('map.arrow', () => {
	it('reads back exactly the columns the build wrote, with their types', async () => {
		const { dataset } = await loadExample();
		const cols = mapColumns(dataset, deriveStatus(dataset, '2026-11-15', YUEQING_2023), '2026-11-15');
		const back = readMapColumns(mapArrow(cols));
		expect(Object.keys(back).sort()).toEqual(Object.keys(cols).sort());
		for (const [name, values] of Object.entries(cols)) {
			const read = back[name as keyof typeof back];
			expect(read.constructor, name).toBe(values.constructor);
			expect(Array.from(read as ArrayLike<unknown>), name).toEqual(Array.from(values as ArrayLike<unknown>));
		}
	});
});
