// Every interface text ships in the public build too (one catalogue, src/lib/i18n/messages), and the public
// build's leak scan (src/node/leak-scan.ts) refuses any file holding a distinctive internal name — a text that
// says e.g. "contacts" stops `npm run build:public`. Caught here, in the unit tier, before a build.
import { describe, expect, it } from 'vitest';
import { ALL_MESSAGES } from '../../../src/lib/i18n/messages';
import { internalNames } from '../../../src/node/leak-scan';

describe('interface texts and the public build', () => {
	// the keys ship too: 'office.town.contacts' stopped the public build
	it('no message or key holds an internal table or column name the leak scan looks for', () => {
		const needles = internalNames().filter((n) => n.includes('_') || n.length >= 8);
		expect(needles).toContain('contacts');
		const hits = Object.entries(ALL_MESSAGES).flatMap(([key, m]) =>
			needles
				.filter((n) => key.includes(n) || m.zh.includes(n) || m.en.includes(n))
				.map((n) => `${key}: ${n}`)
		);
		expect(hits).toEqual([]);
	});
});
