// vectorOf equals apache-arrow's vectorFromArray for every type the builds write, nulls included, and never
// generates code (the dashboard's CSP has no 'unsafe-eval': /data's apply and exports failed under it).
import {
	Bool,
	Dictionary,
	Float64,
	Int8,
	tableFromIPC,
	tableToIPC,
	Table,
	Uint32,
	Utf8,
	vectorFromArray
} from 'apache-arrow';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { vectorOf } from './arrow-vector';

const cases = [
	['Utf8', new Utf8(), ['东浦二区', null, '', undefined, '𠮷']],
	['Float64', new Float64(), [1.5, null, 0, -2, undefined]],
	['Bool', new Bool(), [true, false, null, true]],
	['Uint32', new Uint32(), [0, 4294967295, null, 7]],
	[
		'Dictionary<Utf8, Int8>',
		new Dictionary(new Utf8(), new Int8(), 0),
		['乐成街道', '柳市镇', null, '乐成街道']
	]
] as const;

afterEach(() => vi.restoreAllMocks());

describe('vectorOf', () => {
	for (const [name, type, values] of cases)
		it(`${name}: the same values and nulls as vectorFromArray (undefined as null), and the same IPC bytes`, () => {
			const ours = vectorOf(values as unknown as unknown[], type);
			// vectorFromArray counts only null as null (undefined became '' or NaN there); here undefined is null too
			const theirs = vectorFromArray(
				(values as readonly unknown[]).map((v) => v ?? null) as never[],
				type as never
			);
			expect([...ours]).toEqual([...theirs]);
			expect(ours.nullCount).toBe(theirs.nullCount);
			const bytes = (v: typeof ours) => tableToIPC(new Table({ c: v }), 'stream');
			expect(tableFromIPC(bytes(ours)).getChild('c')!.toJSON()).toEqual(
				tableFromIPC(bytes(theirs as unknown as typeof ours))
					.getChild('c')!
					.toJSON()
			);
		});

	it('generates no code: Function is never called', () => {
		const spy = vi.spyOn(globalThis, 'Function');
		for (const [, type, values] of cases) vectorOf(values as unknown as unknown[], type);
		expect(spy).not.toHaveBeenCalled();
		vectorFromArray(['a', null], new Utf8());
		expect(spy).toHaveBeenCalled();
	});
});

describe('the code the browser runs', () => {
	it('makes typed Arrow vectors through vectorOf, never vectorFromArray (it needs unsafe-eval)', () => {
		const root = fileURLToPath(new URL('../..', import.meta.url));
		const files = (readdirSync(root, { recursive: true }) as string[]).filter(
			(f) => /\.(ts|svelte)$/.test(f) && !/\.test\.ts$/.test(f) && !f.endsWith('arrow-vector.ts')
		);
		expect(files.length).toBeGreaterThan(100);
		const offenders = files.filter((f) => /\bvectorFromArray\s*\(/.test(readFileSync(join(root, f), 'utf8')));
		expect(offenders).toEqual([]);
	});
});
