// Logging in on the office server's /login page as a person does, shared by the browser tests of the office pages.
import type { Page } from 'playwright-core';
import { PASSWORD } from '../../scripts/lib/harness/office';

/**
 * Open `next` on the office server at `base`, which sends a signed-out page to /login; fill in `name` and the
 * tests' password (PASSWORD) and log in; resolves once the page has left /login.
 */
export async function logIn(page: Page, base: string, name: string, next: string): Promise<void> {
	await page.goto(`${base}${next}`);
	await page.waitForURL(/\/login/);
	await page.getByLabel('用户名').fill(name);
	await page.getByLabel('密码').fill(PASSWORD);
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
