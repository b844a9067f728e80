import { describe, expect, it } from 'vitest';
import { ALL_MESSAGES as INTERFACE } from './messages';
import { OFFICE_MESSAGES } from './office-messages';

const ALL_MESSAGES = { ...INTERFACE, ...OFFICE_MESSAGES };

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface messages', () => {
	it('every message has Chinese and English, with the same placeholders', () => {
		for (const [key, m] of Object.entries(ALL_MESSAGES)) {
			expect(m.zh.trim(), key).not.toBe('');
			expect(m.en.trim(), key).not.toBe('');
			expect(placeholders(m.en), key).toEqual(placeholders(m.zh));
		}
	});

	it('the English side holds no Chinese characters except names, clauses (§…, 附件) and the policy’s document number', () => {
		for (const [key, m] of Object.entries(ALL_MESSAGES)) {
			if (key === 'lang.switchLabel' || key === 'lang.switch') continue;
			const chinese = m.en.replace(/§[^\s)]*\)?\d?|附件\d|乐政办发〔2023〕47号|乐成|城东|城南|东浦二区/g, '');
			expect(chinese, key).not.toMatch(/[\u4e00-\u9fff]/);
		}
	});
});
