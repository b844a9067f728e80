// The public build's leak scan (src/node/leak-scan.ts) in one pass per file finds exactly what the old rule —
// `text.includes(v)` for every internal name and value in every file (naive-scan.ts) — finds, in the same order:
// on planted files (a value inside a longer string, at a file's start and end, overlapping values, CJK names, a
// phone inside gzip, Parquet and JSON data, code) and on 20,000 generated values.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { scanForLeaks } from '../../../src/node/leak-scan';
import { naiveScanForLeaks } from './naive-scan';

const PHONE = '13905771234';
const NOTE = '业主反映楼道漏水，暂不公开';

async function parquet(path: string, select: string) {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	await conn.run(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
	conn.closeSync();
}

describe('the one-pass leak scan finds what includes finds', () => {
	it('on planted files', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'yq-leak-plant-'));
		mkdirSync(join(dir, 'data'));
		mkdirSync(join(dir, '_app'));
		// code: a phone inside a longer string, a 3-character name (found) and a 2-character one (not, in code)
		writeFileSync(join(dir, '_app/chunk.js'), `const a="x${PHONE}y";// 张三丰 王芳 实施建设`);
		// a note at the file's very start, a phone at its very end; an internal table's name in the text
		writeFileSync(join(dir, 'page.html'), `${NOTE}<p>contacts</p>${PHONE}`);
		// overlapping values ('1390577' and '0577123' share '0577'), nested names (王芳 in 王芳芳) in data
		writeFileSync(
			join(dir, 'data/summary.json'),
			JSON.stringify({ note: '电话13905771234，王芳芳', garage_area: 1 })
		);
		writeFileSync(join(dir, 'data/progress-search.arrow.gz'), gzipSync(`联系 ${PHONE}`));
		writeFileSync(
			join(dir, 'data/towns.geojson'),
			JSON.stringify({ type: 'FeatureCollection', features: [{ properties: { person: '李四' } }] })
		);
		await parquet(
			join(dir, 'data/communities.parquet'),
			`SELECT * FROM (VALUES ('东山${'李四'}小区', 'a'), ('${NOTE}', NULL)) t(name, notes)`
		);
		await parquet(join(dir, 'data/status.parquet'), `SELECT 1 AS n`);
		await parquet(join(dir, 'data/progress.parquet'), `SELECT 'x' AS id WHERE false`);
		writeFileSync(join(dir, '_app/lib.wasm'), PHONE);
		const values = [
			PHONE,
			NOTE,
			'张三丰',
			'王芳',
			'王芳芳',
			'李四',
			'1390577',
			'0577123',
			'x',
			' 王 ',
			PHONE
		];
		// the Parquet rows' JSON text, across a row's end and at the array's end (the rows are fed a chunk at a time)
		values.push('"},{"name"', 'null}]');
		const leaks = await scanForLeaks(dir, values);
		expect(leaks).toEqual(await naiveScanForLeaks(dir, values));
		// and the findings are the expected ones (both could be blind the same way)
		const hits = leaks.map((l) => `${l.file}|${l.needle}|${l.where}`);
		expect(hits).toEqual(
			expect.arrayContaining([
				`_app/chunk.js|${PHONE}|value`,
				'_app/chunk.js|张三丰|value',
				`page.html|${NOTE}|value`,
				`page.html|${PHONE}|value`,
				'page.html|contacts|text',
				'data/summary.json|garage_area|column or key',
				'data/summary.json|王芳|value',
				'data/summary.json|王芳芳|value',
				'data/summary.json|1390577|value',
				'data/summary.json|0577123|value',
				`data/progress-search.arrow.gz|${PHONE}|value`,
				'data/towns.geojson|person|column or key',
				'data/towns.geojson|李四|value',
				'data/communities.parquet|notes|column or key',
				'data/communities.parquet|李四|value',
				`data/communities.parquet|${NOTE}|value`,
				'data/communities.parquet|"},{"name"|value',
				'data/communities.parquet|null}]|value',
				'data/status.parquet|status|not a public table'
			])
		);
		expect(hits).not.toContain('_app/chunk.js|王芳|value');
		expect(hits.some((h) => h.startsWith('_app/lib.wasm'))).toBe(false);
		expect(hits.some((h) => h.includes('|x|') || h.includes('| 王 |'))).toBe(false);
		// a value given twice is reported twice, as before
		expect(hits.filter((h) => h === `page.html|${PHONE}|value`)).toHaveLength(2);
	});

	it('on 20,000 generated values over generated files', async () => {
		let seed = 13;
		const rand = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		const pick = (s: string) => s[Math.floor(rand() * s.length)]!;
		const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林郑';
		const GIVEN = '芳伟娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚华';
		const values: string[] = [];
		for (let i = 0; values.length < 20_000; i++) {
			values.push(pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : ''));
			values.push(`13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`);
			if (i % 10 === 0) values.push(`备注${i}：${pick(GIVEN)}${pick(SURNAMES)}楼道`);
		}
		// text mostly of the same letters and digits, so values occur by chance as well as planted
		const text = (n: number) => {
			let s = '';
			for (let i = 0; i < n; i++)
				s += rand() < 0.3 ? String(Math.floor(rand() * 10)) : pick(SURNAMES + GIVEN + '路号');
			return s;
		};
		const planted = (n: number) => text(n) + values[Math.floor(rand() * values.length)]! + text(n);
		const dir = mkdtempSync(join(tmpdir(), 'yq-leak-20k-'));
		writeFileSync(join(dir, 'chunk.js'), Array.from({ length: 200 }, () => planted(100)).join('\n'));
		writeFileSync(
			join(dir, 'search.arrow.gz'),
			gzipSync(Array.from({ length: 200 }, () => planted(100)).join(''))
		);
		const rows = Array.from({ length: 2000 }, () => `('${planted(20)}')`).join(',');
		await parquet(join(dir, 'communities.parquet'), `SELECT * FROM (VALUES ${rows}) t(address)`);
		const leaks = await scanForLeaks(dir, values);
		expect(leaks.length).toBeGreaterThan(1000);
		expect(leaks).toEqual(await naiveScanForLeaks(dir, values));
	}, 120_000);
});
