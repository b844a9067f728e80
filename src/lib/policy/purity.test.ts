import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('the policy engine is pure', () => {
	it('imports nothing but its own modules and data: no Svelte, DuckDB, DOM or network', () => {
		expect(sources.length).toBeGreaterThan(5);
		for (const file of sources) {
			const text = readFileSync(dir + file, 'utf8');
			const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
			for (const spec of imports) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\//);
			expect(text, file).not.toMatch(
				/\b(window|document|navigator)\.|\bfetch\(|\blocalStorage\b|\bXMLHttpRequest\b|\bindexedDB\b/
			);
		}
	});

	it('§六: every rule says which policy it asks under — no function falls back to a default PolicyParams', () => {
		for (const file of sources) {
			const text = readFileSync(dir + file, 'utf8');
			expect(text, file).not.toMatch(/[(,]\s*\w+\??:\s*PolicyParams\s*=|\?\?\s*YUEQING_2023/);
		}
	});
});
