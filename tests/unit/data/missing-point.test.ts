// The workbench lets communities without coordinates in (the keeper places them); the CLI still refuses them.
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/lib/ingest/import/index';
import { geo, locate } from './load';

const csv = [
	'小区编号,小区名称,乡镇街道代码,经度,纬度,建成年份,建筑面积,户数,业主人数,专有部分面积,楼栋数,房屋类型,列入棚改计划,设施不完善,改造意愿强烈,物业管理',
	'FC001,试验一村,乐成街道,120.9612,28.1201,1992,18000,140,138,15000,6,商品房,否,是,是,业主自治',
	'FC004,试验四村,乐成街道,,,1994,12000,100,98,10000,4,商品房,否,是,是,社区托管',
	'FC005,试验五村,乐成街道,120.95,,1994,12000,100,98,10000,4,商品房,否,是,是,社区托管'
].join('\n');
const files = [{ name: 'communities.csv', bytes: new TextEncoder().encode(csv) }];

describe('communities without coordinates', () => {
	it('are refused by default (the build needs every point)', async () => {
		const r = await importFiles(files, { defaultTowns: geo.towns, locate });
		expect(r.dataset.communities.map((c) => c.id)).toEqual(['FC001']);
		const errors = r.problems.filter((p) => p.level === 'error' && p.row === 3);
		expect(errors).not.toEqual([]);
		// saying how to fix it (issue 20, one verdict for one file: /data places what the build refuses)
		for (const e of errors) {
			expect(e.zh).toContain('没有坐标的名单可先在 /data 导入并在地图上放置');
			expect(e.en).toContain('then upload the ledger /data exports');
		}
	});

	it('are let in for the workbench with both cells empty, lon/lat null and a notice; half a point is still an error', async () => {
		const r = await importFiles(files, { defaultTowns: geo.towns, locate, allowMissingPoint: true });
		expect(r.dataset.communities.map((c) => [c.id, c.lon, c.lat])).toEqual([
			['FC001', 120.9612, 28.1201],
			['FC004', null, null]
		]);
		expect(r.problems.find((p) => p.row === 3)).toMatchObject({ kind: 'no-point', level: 'notice' });
		expect(r.problems.find((p) => p.row === 4)).toMatchObject({ level: 'error', column: '纬度' });
	});
});
