// The template's 说明 sheet lists every column (工作表 | 表头 | …: 乡镇街道 | 名称 …). Since a partial list needs only a
// name and a town (issue 20), that list passed for a table of communities and the filled-in template was refused
// for it (missing 经度 on sheet 说明, row 9). The sheet is read for 数据截至 only.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTemplate } from '../../../src/lib/files/template';
import { load } from './load';

const dir = mkdtempSync(join(tmpdir(), 'yq-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the template filled in', () => {
	it('reads its 说明 sheet for 数据截至 only, never as a table', async () => {
		const wb = makeTemplate(ExcelJS);
		wb.getWorksheet('说明')!.getCell('C5').value = '2026-11-30';
		wb.getWorksheet('小区')!.addRow(['LC001', '东浦二区', '乐成街道', null, 120.965, 28.121, 1992]);
		const path = join(dir, '旧改台账.xlsx');
		await wb.xlsx.writeFile(path);
		const r = await load([path]);
		expect(r.errors).toEqual([]);
		expect(r.input.tables.map((t) => t.sheet)).not.toContain('说明');
		expect(r.dataset.communities.map((c) => c.id)).toEqual(['LC001']);
	});
});
