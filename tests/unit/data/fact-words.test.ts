// /data's completeness view and the import's 资料不全 notice name each community fact by its catalogue words
// (`factKey`: `data.fact.<its column in camel case>`), never by the column's internal name, which the public build's
// leak scan refuses and a keeper does not read.
import { describe, expect, it } from 'vitest';
import { ALL_MESSAGES } from '../../../src/lib/i18n/messages';
import { factKey, factsMissingNotice } from '../../../src/lib/ingest/completeness';
import { COMMUNITY_FACTS } from '../../../src/lib/schema/schema';
import type { CommunityRow } from '../../../src/lib/schema/rows';

describe('the community facts’ words', () => {
	it('every community fact the completeness view counts has its words, zh and en', () => {
		for (const f of COMMUNITY_FACTS) {
			expect(factKey(f)).toBe(`data.fact.${f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`);
			expect(Object.hasOwn(ALL_MESSAGES, factKey(f)), f).toBe(true);
		}
	});

	it('the 资料不全 notice says the facts in words in both languages, not by column names', () => {
		const bare = Object.fromEntries(COMMUNITY_FACTS.map((f) => [f, null])) as unknown as CommunityRow;
		const notice = factsMissingNotice([{ ...bare, id: 'A', name: '甲小区' } as CommunityRow], '计划表.xlsx')!;
		expect(notice.en).toContain('Housing type missing in 1');
		expect(notice.zh).toContain('房屋类型缺1个');
		for (const f of COMMUNITY_FACTS.filter((x) => x.includes('_'))) {
			expect(notice.en).not.toContain(f);
			expect(notice.zh).not.toContain(f);
		}
	});
});
