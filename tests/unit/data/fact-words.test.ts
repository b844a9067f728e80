// /data's completeness view names each community fact by `data.fact.<its column in camel case>`
// (src/routes/data/Completeness.svelte): a key holding the column's own name would ship an internal name to the
// public build, which its leak scan refuses.
import { describe, expect, it } from 'vitest';
import { ALL_MESSAGES } from '../../../src/lib/i18n/messages';
import { COMMUNITY_FACTS } from '../../../src/lib/schema/schema';

describe('the completeness view’s words', () => {
	it('every community fact it counts has its words, zh and en', () => {
		for (const f of COMMUNITY_FACTS) {
			const key = `data.fact.${f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`;
			expect(Object.hasOwn(ALL_MESSAGES, key), key).toBe(true);
		}
	});
});
