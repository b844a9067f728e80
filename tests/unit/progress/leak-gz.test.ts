// The leak scan reads the gzipped progress files unpacked: a contact's phone planted in the search file's text is
// found (the scan is not blind to gzip), and the clean file passes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanForLeaks } from '../../../src/node/leak-scan';
import { progressColumns, progressFiles, SEARCH_FILE } from '../../../src/lib/progress/compact';

const PHONE = '13905771234';
const files = (address: string) =>
	progressFiles(
		progressColumns([
			{
				id: 'YQ000001',
				name: '东浦二区',
				address,
				town_code: '330382001',
				lon: 120.98,
				lat: 28.13,
				households: 110,
				stage: 'none',
				completed_date: null,
				name_initials: 'dpeq',
				name_pinyin: 'dongpuerqu'
			}
		])
	);

describe('the leak scan over the gzipped progress files', () => {
	it('finds an internal value inside the gzip, and nothing in a clean file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'yq-leak-gz-'));
		writeFileSync(join(dir, SEARCH_FILE), files('乐清市城东街道东山南街120号')[SEARCH_FILE]!);
		expect(await scanForLeaks(dir, [PHONE])).toEqual([]);
		writeFileSync(join(dir, SEARCH_FILE), files(`联系 ${PHONE}`)[SEARCH_FILE]!);
		expect(await scanForLeaks(dir, [PHONE])).toEqual([{ file: SEARCH_FILE, needle: PHONE, where: 'value' }]);
	});
});
