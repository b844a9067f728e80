// A town's works change in words (issue 22): the history, the keeper's review and the conflicts name the item by
// the 附件1 catalogue's name, never its id, and say its estimate and final cost in 元.
import { describe, expect, it } from 'vitest';
import { locale } from '../i18n/lang.svelte';
import { changeFieldLabel, changeKind, changeValueText } from './change-text';

const roof = {
	community_id: 'YQ000001',
	item_id: 'building.basic.1.1',
	estimated_cost: 320000,
	final_cost: null
};

describe('a works change in words', () => {
	it('is a works change, named by the item of 附件1 (zh, en)', () => {
		expect(changeKind('works.building.basic.1.1')).toBe('works');
		expect(changeFieldLabel('works.building.basic.1.1')).toBe('改造项目“屋面防漏维修”');
		expect(changeFieldLabel('works.building.basic.1.1')).not.toContain('building.basic');
		const was = locale.lang;
		try {
			locale.lang = 'en';
			expect(changeFieldLabel('works.building.basic.1.1')).toBe('Works item: roof leak repair');
			expect(changeValueText('works.building.basic.1.1', roof)).toBe(
				'estimate ¥320,000.00, final cost not yet'
			);
		} finally {
			locale.lang = was;
		}
	});

	it('says the estimate and the final cost (未定 while none)', () => {
		expect(changeValueText('works.building.basic.1.1', roof)).toBe('概算 320,000.00元，决算 未定');
		expect(changeValueText('works.building.basic.1.1', { ...roof, final_cost: 318000.5 })).toBe(
			'概算 320,000.00元，决算 318,000.50元'
		);
	});
});
