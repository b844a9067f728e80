// Dropping files on /data as a keeper would, for the browser tests of the import page.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** A file on disk as the page's file input takes it: its name (no folder) and bytes. */
export function fileInput(path: string) {
	return { name: path.split('/').pop()!, mimeType: 'application/octet-stream', buffer: readFileSync(path) };
}

/** Gives `paths` to the open /data page's file input and waits for the import's report; returns its summary. */
export async function dropFiles(page: Page, paths: readonly string[]): Promise<string> {
	await page.setInputFiles('[data-testid="file-input"]', paths.map(fileInput));
	await page.waitForSelector('[data-testid="report-summary"]', { timeout: 60_000 });
	return (await page.textContent('[data-testid="report-summary"]'))!;
}
