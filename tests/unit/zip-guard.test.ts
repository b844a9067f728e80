// The importer's zip guard (issue 21, item 4): a zip bomb whose directory lies about its size, or a workbook
// renamed .xls, used to be unpacked whole by SheetJS in the importer's process (1 GiB). Now every entry is really
// inflated and counted, in steps, and counting stops at the limit — by the importer, and by the server's upload
// check before the importer runs (server/uploads.ts, judging a file by content, not name).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookProblem } from '../../server/uploads';
import { zipBomb } from '../fixtures/zip-bomb';
import type { Problem } from '../../src/lib/ingest/problems';
import { readWorkbook } from '../../src/lib/ingest/import/sheet';
import { WORKBOOK_ZIP_LIMITS, zipProblem } from '../../src/lib/ingest/import/zip-guard';

const MiB = 1024 * 1024;
const small = { totalBytes: 16 * MiB, ratio: 100, ratioFloorBytes: 1 * MiB };

describe('the zip guard', () => {
	it('passes an ordinary workbook', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('小区');
		ws.addRow(['小区名称', '户数']);
		for (let i = 0; i < 2000; i++) ws.addRow([`小区${i}`, 100 + (i % 50)]);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		expect(zipProblem(bytes)).toBeUndefined();
		expect(zipProblem(bytes, small)).toBeUndefined();
	});
	it('stops an entry that declares 100 bytes and unpacks to 64 MiB at the limit, counting the real bytes', async () => {
		const bytes = await zipBomb({ realBytes: 64 * MiB, declaredBytes: 100 });
		const p = zipProblem(bytes, { ...small, ratio: 1e9 });
		expect(p).toMatchObject({ entry: 'xl/sharedStrings.xml', declared: 100, limit: 'total' });
		// counting stopped within one step (4 KiB in, at most ~4 MiB out) of the limit
		expect(p!.unpacked).toBeGreaterThan(16 * MiB);
		expect(p!.unpacked).toBeLessThan(21 * MiB);
	});
	it('stops an honest entry packed past 100 to 1', async () => {
		const p = zipProblem(await zipBomb({ realBytes: 8 * MiB }), small);
		expect(p).toMatchObject({ limit: 'ratio' });
	});
	it('keeps SheetJS from unpacking a lying 1 GiB bomb: one error naming the file and the entry', async () => {
		const bytes = await zipBomb({ realBytes: 1024 * MiB, declaredBytes: 300 });
		const problems: Problem[] = [];
		expect(readWorkbook('台账.xls', bytes, problems)).toEqual([]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: '台账.xls', kind: 'zip-bomb', level: 'error' });
		expect(problems[0]!.zh).toContain('xl/sharedStrings.xml');
		expect(problems[0]!.zh).toContain('300 字节');
		// packed ~1,000 to 1: stopped at 100× its packed size, long before 1 GiB
		expect(problems[0]!.en).toContain(`over ${WORKBOOK_ZIP_LIMITS.ratio}×`);
	}, 60_000);
});

describe('the server’s upload check', () => {
	it('refuses an entry whose zip declares 100 bytes and which unpacks to 64 MiB, naming it', async () => {
		const bytes = Buffer.from(await zipBomb({ realBytes: 64 * 1024 * 1024, declaredBytes: 100 }));
		const p = await workbookProblem('台账.xlsx', bytes);
		expect(p?.status).toBe(422);
		expect(p?.zh).toContain('xl/sharedStrings.xml');
		expect(p?.en).toContain('sizes lie');
	});
	it('checks a zip by its content, whatever it is called (an .xlsx renamed .xls, .et or .csv)', async () => {
		const bytes = Buffer.from(await zipBomb({ realBytes: 64 * 1024 * 1024, declaredBytes: 100 }));
		for (const name of ['台账.xls', '台账.et', 'communities.csv'])
			expect((await workbookProblem(name, bytes))?.status, name).toBe(422);
		const honest = Buffer.from(await zipBomb({ realBytes: 64 * 1024 * 1024 }));
		expect((await workbookProblem('台账.xls', honest))?.en).toContain('unpacks far larger');
	});
});
