/**
 * Reading one spreadsheet or CSV cell as the schema's type — the boundary where text from files becomes typed
 * values. Returns the value or a Chinese/English reason it is not one.
 */
import type { Column } from '../schema/schema';

export type CellValue = string | number | boolean | null;
export type CellResult = { ok: true; value: CellValue } | { ok: false; zh: string; en: string };

const TRUE = new Set(['true', '是', 'y', 'yes', '1', '√', 't']);
const FALSE = new Set(['false', '否', 'n', 'no', '0', '×', 'f']);
const ISO = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const fail = (zh: string, en: string): CellResult => ({ ok: false, zh, en });

function parseDate(text: string): string | null {
	const m = ISO.exec(text);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
	return date.toISOString().slice(0, 10);
}

function rangeProblem(column: Column, n: number): CellResult | null {
	if (column.min !== undefined) {
		if (column.exclusiveMin ? n <= column.min : n < column.min) {
			return column.exclusiveMin
				? fail(`应大于 ${column.min}`, `must be greater than ${column.min}`)
				: fail(`应不小于 ${column.min}`, `must be at least ${column.min}`);
		}
	}
	if (column.max !== undefined && n > column.max)
		return fail(`应不大于 ${column.max}`, `must be at most ${column.max}`);
	return null;
}

/** A cell's text as the column's value. Empty is null, or an error when the column is required. */
export function readCell(column: Column, raw: string): CellResult {
	const text = raw.trim();
	if (text === '') {
		return column.required
			? fail('必填，不能为空', 'required, must not be empty')
			: { ok: true, value: null };
	}
	switch (column.type) {
		case 'text':
			return { ok: true, value: text };
		case 'integer':
		case 'number': {
			const plain = text.replaceAll(',', '');
			if (!NUMBER.test(plain)) {
				return fail(
					column.type === 'integer' ? '应为整数' : '应为数字',
					column.type === 'integer' ? 'expected a whole number' : 'expected a number'
				);
			}
			const n = Number(plain);
			if (column.type === 'integer' && !Number.isInteger(n))
				return fail('应为整数', 'expected a whole number');
			return rangeProblem(column, n) ?? { ok: true, value: n };
		}
		case 'boolean': {
			const t = text.toLowerCase();
			if (TRUE.has(t)) return { ok: true, value: true };
			if (FALSE.has(t)) return { ok: true, value: false };
			return fail('应为 是/否（true/false）', 'expected yes/no (true/false)');
		}
		case 'date': {
			const iso = parseDate(text);
			return iso
				? { ok: true, value: iso }
				: fail('应为有效日期，如 2024-05-31', 'expected a valid date such as 2024-05-31');
		}
		case 'enum': {
			const values = column.values ?? [];
			const hit = values.find(
				(v) => v.code === text || v.zh === text || v.code.toLowerCase() === text.toLowerCase()
			);
			if (hit) return { ok: true, value: hit.code };
			const allowed = values.map((v) => v.zh).join('、');
			return fail(`应为以下之一：${allowed}`, `expected one of: ${values.map((v) => v.code).join(', ')}`);
		}
	}
}

/**
 * Read one row typed on a form (column name → text) as the importer reads a row of `columns`: each cell by
 * `readCell`; the values read and, for each cell that is not one, its column and the reason in Chinese and English.
 */
export function readRow(
	columns: readonly Column[],
	raw: Readonly<Record<string, string>>
): { values: Record<string, CellValue>; problems: { column: string; zh: string; en: string }[] } {
	const values: Record<string, CellValue> = {};
	const problems: { column: string; zh: string; en: string }[] = [];
	for (const column of columns) {
		const cell = readCell(column, raw[column.name] ?? '');
		if (cell.ok) values[column.name] = cell.value;
		else problems.push({ column: column.name, zh: cell.zh, en: cell.en });
	}
	return { values, problems };
}
