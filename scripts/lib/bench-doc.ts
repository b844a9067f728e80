// docs/benchmarks.md's generated blocks: each table lives between `<!-- bench:NAME:start -->` and its end marker.

/** Replaces the text between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` (added at the end if missing). */
export function replaceBlock(doc: string, name: string, content: string): string {
	const start = `<!-- bench:${name}:start -->`;
	const end = `<!-- bench:${name}:end -->`;
	if (!doc.includes(start)) doc = `${doc.trimEnd()}\n\n${start}\n${end}\n`;
	const [before, rest] = doc.split(start);
	const after = rest?.split(end)[1] ?? '\n';
	return `${before}${start}\n${content}\n${end}${after}`;
}
