/**
 * The row types (src/lib/schema/rows.ts) say what the schema (src/lib/schema/schema.ts) says: for every table, the
 * `Dataset` row type has exactly the schema's columns, each with the matching TypeScript type — text and date a
 * string, integer and number a number, boolean a boolean, enum the union of its codes — and `| null` exactly
 * when the column is not required. Read with the TypeScript checker, so a column added to one and not the other,
 * or typed differently, fails here.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { TABLES, type Column } from '../../../src/lib/schema/schema';

const ROWS = fileURLToPath(new URL('../../../src/lib/schema/rows.ts', import.meta.url));

/** A TypeScript type in the schema's words: e.g. `number | null`, `'a' | 'b'`. */
function typeWords(checker: ts.TypeChecker, t: ts.Type): string {
	const parts = t.isUnion() ? t.types : [t];
	const nullable = parts.some((p) => p.flags & ts.TypeFlags.Null);
	const rest = parts.filter((p) => !(p.flags & ts.TypeFlags.Null));
	let base: string;
	if (rest.length && rest.every((p) => p.flags & ts.TypeFlags.BooleanLiteral)) base = 'boolean';
	else if (rest.length && rest.every((p) => p.isStringLiteral()))
		base = rest
			.map((p) => `'${(p as ts.StringLiteralType).value}'`)
			.sort()
			.join(' | ');
	else base = rest.map((p) => checker.typeToString(p)).join(' | ');
	return nullable ? `${base} | null` : base;
}

/** What the schema asks of a column, in the same words. */
function columnWords(c: Column): string {
	const base =
		c.type === 'enum'
			? c
					.values!.map((v) => `'${v.code}'`)
					.sort()
					.join(' | ')
			: c.type === 'text' || c.type === 'date'
				? 'string'
				: c.type === 'boolean'
					? 'boolean'
					: 'number';
	return c.required ? base : `${base} | null`;
}

/** Each table's row type as column → type words, from `Dataset` in rows.ts. */
function rowTypes(): Map<string, Record<string, string>> {
	const program = ts.createProgram([ROWS], {
		strict: true,
		noEmit: true,
		skipLibCheck: true,
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler
	});
	const checker = program.getTypeChecker();
	const source = program.getSourceFile(ROWS)!;
	const decl = source.statements.find(
		(s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Dataset'
	)!;
	const dataset = checker.getTypeAtLocation(decl.name);
	const out = new Map<string, Record<string, string>>();
	for (const table of dataset.getProperties()) {
		const list = checker.getTypeOfSymbol(table);
		const row = checker.getTypeArguments(list as ts.TypeReference)[0]!;
		const columns: Record<string, string> = {};
		for (const col of row.getProperties()) {
			const optional = (col.flags & ts.SymbolFlags.Optional) !== 0;
			columns[col.name] = typeWords(checker, checker.getTypeOfSymbol(col)) + (optional ? ' (optional)' : '');
		}
		out.set(table.name, columns);
	}
	return out;
}

describe('the row types follow the schema', () => {
	const rows = rowTypes();

	it('Dataset has one row type per schema table', () => {
		expect([...rows.keys()].sort()).toEqual(TABLES.map((t) => t.name).sort());
	});

	it.each(TABLES.map((t) => [t.name, t] as const))(
		'%s: every column, with its type and nullability',
		(name, table) => {
			const expected = Object.fromEntries(table.columns.map((c) => [c.name, columnWords(c)]));
			expect(rows.get(name)).toEqual(expected);
		}
	);

	it('the check itself: an enum, a nullable number, a boolean', () => {
		expect(rows.get('communities')!.property_management).toBe(
			"'community' | 'none' | 'professional' | 'self' | null"
		);
		expect(rows.get('communities')!.expropriation_year).toBe('number | null');
		expect(rows.get('towns')!.central).toBe('boolean');
	});
});
