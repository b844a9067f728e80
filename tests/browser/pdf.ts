import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** poppler's pdftotext / pdftoppm, installed by the test set-up when missing (as for Chromium). */
export function ensurePoppler(): void {
	if (!existsSync('/usr/bin/pdftoppm')) execSync('node scripts/ensure-chromium.js', { stdio: 'inherit' });
}

export interface Printed {
	/** The PDF's text, one string per page (pdftotext, in reading order). */
	pages: string[];
	/** PNG of each page under test-results/, to look at. */
	pngs: string[];
	pdf: string;
}

/**
 * Print the page as a reader would (print media, the page's own @page size and margins, backgrounds on), keep
 * the PDF and a PNG of each page under test-results/, and return the text of each page. `scale` > 1 prints
 * larger (as a reader's "scale" setting), which makes short tables run over pages.
 */
export async function printToPdf(page: Page, name: string, scale = 1): Promise<Printed> {
	mkdirSync('test-results', { recursive: true });
	await page.emulateMedia({ media: 'print' });
	const pdf = `test-results/print-${name}.pdf`;
	writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true, scale }));
	await page.emulateMedia({ media: 'screen' });
	const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
	const pages = text.split('\f');
	if (pages.at(-1)?.trim() === '') pages.pop();
	for (const f of readdirSync('test-results')) {
		if (f.startsWith(`print-${name}-`) && f.endsWith('.png')) rmSync(`test-results/${f}`);
	}
	execFileSync('pdftoppm', ['-png', '-r', '70', pdf, `test-results/print-${name}`]);
	const pngs = readdirSync('test-results')
		.filter((f) => f.startsWith(`print-${name}-`) && f.endsWith('.png'))
		.sort()
		.map((f) => `test-results/${f}`);
	return { pages, pngs, pdf };
}

/** The page size of a PDF in points (pdfinfo), e.g. A4 landscape ≈ 842 × 595. */
export function pdfPageSize(pdf: string): { width: number; height: number } {
	const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
	const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
	if (!m) throw new Error(`pdfinfo: no page size in ${pdf}`);
	return { width: Number(m[1]), height: Number(m[2]) };
}

/** Elements a reader could click or type into that are visible (laid out) under print media. */
export async function visibleControls(page: Page): Promise<string[]> {
	await page.emulateMedia({ media: 'print' });
	const found = await page.$$eval('button, input, select, textarea, [role="button"]', (els) =>
		els
			.filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
			.map((e) => e.outerHTML.slice(0, 80))
	);
	await page.emulateMedia({ media: 'screen' });
	return found;
}
