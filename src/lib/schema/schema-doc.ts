/** The schema as Markdown tables, for data/README.md (kept in step by a test). */
import { TABLES, type Column } from './schema';

function allowed(c: Column): string {
	if (c.values) return c.values.map((v) => (v.code === v.zh ? v.zh : `\`${v.code}\` ${v.zh}`)).join(' / ');
	const range: string[] = [];
	if (c.min !== undefined) range.push(`${c.exclusiveMin ? '>' : '≥'} ${c.min}`);
	if (c.max !== undefined) range.push(`≤ ${c.max}`);
	return range.join(', ');
}

export function schemaMarkdown(): string {
	return TABLES.map((t) => {
		const head = `### \`${t.name}\` — ${t.zh}${t.public ? '' : '（内部 internal）'}\n\n${t.doc}${t.key.length ? ` Key: ${t.key.map((k) => `\`${k}\``).join(' + ')}.` : ''}\n\n`;
		const rows = t.columns.map(
			(c) =>
				`| \`${c.name}\` | ${c.zh} | ${c.type} | ${c.unit ?? ''} | ${c.required ? '是 yes' : ''} | ${allowed(c)} | ${c.public ? '公开' : '内部'} | ${c.doc} |`
		);
		return (
			head +
			'| column | 中文表头 | type | unit | required | allowed | public | meaning |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n' +
			rows.join('\n') +
			'\n'
		);
	}).join('\n');
}
