// Where a dataset's data date (数据截至) came from, and how the pages say it: the schema's part of it (rows.ts's
// DatasetMeta carries it; the importer, import/as-of.ts, finds it).

/**
 * Where the data date came from: `--as-of` on the command line; a workbook's 说明 sheet (file and sheet named);
 * the dataset's own metadata.json (the example); or, when nothing says it, the day of the build or import.
 */
export type AsOfSource =
	{ kind: 'flag' } | { kind: 'file'; file: string; sheet: string } | { kind: 'metadata' } | { kind: 'today' };

/** Where the data date came from, in words (zh / en). */
export function asOfSourceWords(source: AsOfSource | undefined): { zh: string; en: string } {
	switch (source?.kind) {
		case 'flag':
			return { zh: '命令行 --as-of 指定', en: 'given with --as-of' };
		case 'file':
			return {
				zh: `取自《${source.file}》「${source.sheet}」页的「数据截至」`,
				en: `from 数据截至 on the ${source.sheet} sheet of ${source.file}`
			};
		case 'metadata':
			return { zh: '取自数据集说明（metadata.json）', en: "from the dataset's metadata.json" };
		case 'today':
			return {
				zh: '文件未注明「数据截至」，按构建/导入当天计——请在说明页填写或用 --as-of 指定',
				en: 'the files give no 数据截至: the day of the build or import is used — fill it in on the 说明 sheet or give --as-of'
			};
		default:
			return { zh: '来源未记录', en: 'source not recorded' };
	}
}
