import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { Party, PASSWORD } from './parties';

export const WEB_DIR = join(__dirname, '../../dist/web');
export const SCREENSHOTS = join(__dirname, '../../test-results/web');

/** Debian's Chromium (installed by .ci/run); playwright-core never downloads a browser here. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(WEB_DIR, 'index.html'))) {
    throw new Error('The web app is not built: run `npm run build:web` (npm test does) before the browser suites');
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1280, height: 860 } } as const;

export async function newPage(browser: Browser, baseURL: string, device: typeof PHONE | typeof DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...device, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}

/**
 * Saves a full-page screenshot under test-results/web/ and fails on any serious or critical axe-core
 * violation on the page as it stands.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect({ page: name, violations: serious }).toEqual({ page: name, violations: [] });
}

/** Signs `party` in through the log-in page and waits for the page `next` leads to. */
export async function logIn(page: Page, party: Party, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('邮箱').fill(party.email);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasNotText: '登录' }).waitFor();
}
