import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/ingest/problems';
import { load } from './load';

const bad = (name: string) => `tests/fixtures/bad/${name}`;
/** The errors of a case as [file, row, column, zh] — the exact message a clerk reads. */
async function errorsOf(name: string) {
	const { errors } = await load([bad(name)]);
	return errors.map((e) => [e.file, e.row, e.column, e.zh]);
}

describe('the bad-input corpus, error by error', () => {
	it('the good fixture has no problem at all', async () => {
		const { errors, notices, dataset } = await load(['tests/fixtures/good']);
		expect(errors).toEqual([]);
		expect(notices).toEqual([]);
		expect(dataset.communities.map((c) => c.town_code)).toEqual(['330382002', '330382002']); // name → code
	});

	it('missing required column', async () => {
		expect(await errorsOf('missing-column')).toEqual([
			['communities.csv', 1, '小区名称', '缺少必填列「小区名称」(name)']
		]);
	});

	it('wrong type', async () => {
		expect(await errorsOf('wrong-type')).toEqual([['communities.csv', 3, 'completion_year', '应为整数']]);
	});

	it('unknown town', async () => {
		expect(await errorsOf('unknown-town')).toEqual([
			['communities.csv', 3, 'town_code', '未知的乡镇街道（应为区划代码或名称）']
		]);
	});

	it('duplicate id', async () => {
		expect(await errorsOf('duplicate-id')).toEqual([['communities.csv', 3, 'id', '重复：与第2行的id相同']]);
	});

	it('negative area', async () => {
		expect(await errorsOf('negative-area')).toEqual([['communities.csv', 2, 'building_area', '应大于 0']]);
	});

	it('zero area', async () => {
		expect(await errorsOf('zero-area')).toEqual([['communities.csv', 3, 'exclusive_area', '应大于 0']]);
	});

	it('agree > participating', async () => {
		expect(await errorsOf('vote-agree-over-participating')).toEqual([
			['votes.csv', 2, 'agree_owners', '同意数超过参与表决数']
		]);
	});

	it('participating > total', async () => {
		expect(await errorsOf('vote-participating-over-total')).toEqual([
			['votes.csv', 2, 'participating_area', '参与表决数超过总数']
		]);
	});

	it('stage dates out of order', async () => {
		expect(await errorsOf('stage-order')).toEqual([
			['stage_events.csv', 3, 'date', '阶段日期早于前一阶段（征求意见 2024-03-01），应按工作流程顺序']
		]);
	});

	it('a location outside 乐清', async () => {
		expect(await errorsOf('outside-yueqing')).toEqual([
			['communities.csv', 3, 'lon', '位置不在乐清市范围内（WGS84）']
		]);
	});

	it('a GCJ-02-shifted location is named as such, and --crs gcj02 fixes it', async () => {
		const errors = await errorsOf('gcj02-shifted');
		expect(errors).toHaveLength(1);
		expect(errors[0]!.slice(0, 3)).toEqual(['communities.csv', 3, 'lon']);
		expect(errors[0]![3]).toContain('疑似未转换的高德/GCJ-02坐标');
		// with the conversion the shifted point is inside; the others were WGS84 and move by ~500 m, still inside
		const converted = await load([bad('gcj02-shifted')], { crs: 'gcj02' });
		expect(converted.errors).toEqual([]);
		expect(converted.dataset.communities[1]!.lon).toBeCloseTo(120.9865, 3);
	});

	it('a GBK (non-UTF-8) CSV is detected and read, with a notice', async () => {
		const { errors, notices, dataset } = await load([bad('gbk-encoding')]);
		expect(errors).toEqual([]);
		expect(notices.map((n) => [n.file, n.zh])).toEqual([
			['communities.csv', '文件不是UTF-8编码，已按GBK（GB18030）读取，请核对中文是否正确']
		]);
		expect(dataset.communities.map((c) => c.name)).toEqual(['测试小区', '样例新村']);
	});

	it('an empty file', async () => {
		expect(await errorsOf('empty-file')).toEqual([['communities.csv', 0, undefined, '文件为空']]);
	});

	it('a header with no communities', async () => {
		expect(await errorsOf('header-only')).toEqual([['communities.csv', 0, undefined, '没有小区数据']]);
	});

	it('an item not in the 附件1 catalogue (a code with its name is accepted)', async () => {
		expect(await errorsOf('unknown-works-item')).toEqual([
			['works.csv', 3, 'item_id', '不是附件1改造内容清单中的项目']
		]);
	});

	it('a date that does not exist', async () => {
		expect(await errorsOf('invalid-date')).toEqual([
			['stage_events.csv', 2, 'date', '应为有效日期，如 2024-05-31']
		]);
	});

	it('a reference to a community that is not there', async () => {
		expect(await errorsOf('missing-community')).toEqual([
			['works.csv', 2, 'community_id', '小区编号在小区表中不存在']
		]);
	});

	it('a workbook that is not one', async () => {
		const errors = await errorsOf('broken-xlsx');
		expect(errors).toEqual([
			[
				'office.xlsx',
				0,
				undefined,
				'无法读取Excel文件（应为 .xlsx、.xls、.xlsb 或 WPS .et），文件内容不是工作簿，可能已损坏'
			]
		]);
	});

	it('a formula with no saved result is refused naming the formula', async () => {
		const { errors } = await load([bad('formula-no-result')]);
		expect(errors.map((e) => [e.file, e.sheet, e.row, e.column, e.value, e.kind])).toEqual([
			['台账.xlsx', '小区', 3, '建筑面积', '=SUM(H5:H9)', 'formula-no-result']
		]);
		expect(errors[0]!.zh).toContain('公式没有保存计算结果（=SUM(H5:H9)）');
	});

	it('a phone number Excel turned into scientific notation is refused quoting it', async () => {
		const { errors } = await load([bad('scientific-phone')]);
		expect(errors.map((e) => [e.file, e.row, e.column, e.value, e.kind])).toEqual([
			['contacts.csv', 3, '电话', '1.39123E+10', 'scientific']
		]);
		expect(errors[0]!.zh).toContain('科学计数法');
	});

	it('a GeoJSON in a CRS it cannot convert is refused naming the CRS', async () => {
		const { errors } = await load([bad('unknown-crs')]);
		expect(errors.map((e) => [e.file, e.row, e.kind])).toEqual([['乡镇街道边界.geojson', 0, 'crs']]);
		expect(errors[0]!.zh).toContain('不支持的坐标系 urn:ogc:def:crs:EPSG::3857');
	});

	it('reports every problem at once, each in Chinese and English with file, row and column', async () => {
		const { errors } = await load([bad('many-problems')]);
		expect(errors.map((e) => [e.row, e.column])).toEqual([
			[2, 'building_area'],
			[3, 'completion_year']
		]);
		// rows with a bad cell are set aside, so the next checks see only whole rows; fix and re-run reveals the rest
		const lines = errors.map(formatProblem);
		expect(lines[0]).toBe(
			'communities.csv 第2行 （小区 YQ1） 「building_area」 值 "-1"：应大于 0 / row 2, community YQ1, column building_area: must be greater than 0'
		);
	});
});
