import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	targets: string[];
}

/** Runs axe-core (WCAG 2.1 A/AA) on the page as it is now and returns its violations. */
export async function axeViolations(page: Page, exclude: string[] = []): Promise<AxeViolation[]> {
	// evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern (an inline
	// <script> tag would be refused by it, and logged as a violation)
	if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axeSource);
	const script = `window.axe.run({ exclude: ${JSON.stringify(exclude.map((s) => [s]))} }, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
	}).then((r) => r.violations.map((v) => ({
		id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' '))
	})))`;
	return (await page.evaluate(script)) as AxeViolation[];
}
