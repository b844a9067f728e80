/** A problem found in input data, located to the file, sheet, row and column, said in Chinese and English. */
export interface Problem {
	file: string;
	sheet?: string;
	/** 1-based row as the clerk sees it (CSV line, Excel row); 0 for the file as a whole. */
	row: number;
	/** Column as it appears in the file (Chinese header or English name), when one is concerned. */
	column?: string;
	value?: string;
	/** The 小区编号 of the row, when the row has one: the keeper finds a row by it as much as by its number. */
	community?: string;
	zh: string;
	en: string;
	/** A stable code to group problems by (e.g. 'header-found', 'blank-rows', 'total-row', 'unit-suspect',
	 * 'duplicate'); absent for the validator's per-cell errors. */
	kind?: string;
	/** Errors stop the build; notices (e.g. a GBK file read as such) do not. */
	level: 'error' | 'notice';
}

/** One line for people: `communities.csv [小区] 第12行 「建筑面积」 值 "-5"：应大于 0 / row 12, building_area: must be > 0`. */
export function formatProblem(p: Problem): string {
	const where = [
		p.file,
		p.sheet ? `[${p.sheet}]` : '',
		p.row > 0 ? `第${p.row}行` : '',
		p.community ? `（小区 ${p.community}）` : '',
		p.column ? `「${p.column}」` : ''
	]
		.filter(Boolean)
		.join(' ');
	const value = p.value !== undefined ? ` 值 "${p.value}"` : '';
	const whereEn = [
		p.row > 0 ? `row ${p.row}` : '',
		p.community ? `community ${p.community}` : '',
		p.column ? `column ${p.column}` : ''
	]
		.filter(Boolean)
		.join(', ');
	return `${where}${value}：${p.zh} / ${whereEn ? whereEn + ': ' : ''}${p.en}`;
}
