import { execFileSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { Party, PASSWORD } from './parties';

export const WEB_DIR = join(__dirname, '../../dist/web');
export const SCREENSHOTS = join(__dirname, '../../test-results/web');

/** The Chromium the browser suites drive, and where it was found. */
export interface ChromiumChoice {
  executablePath: string;
  /** Said at the start of each browser suite, so a run's output tells which browser it used. */
  description: string;
  /** Added to the browser's environment. */
  env: Record<string, string>;
}

/** Names a system Chromium or Chrome goes by on Linux (Debian's `chromium`, Google's packages, older distributions). */
const SYSTEM_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

const WHAT_TO_INSTALL =
  'install Chromium or Google Chrome (on Debian: `apt-get install chromium`) or set CHROMIUM_PATH to one';

/** The browser's own word on its version, or undefined when the file does not run as a Chromium. */
function versionOf(executable: string, env: Record<string, string> = {}): string | undefined {
  try {
    accessSync(executable, constants.X_OK);
    if (!statSync(executable).isFile()) return undefined;
    const out = execFileSync(executable, ['--version'], {
      env: { ...process.env, ...env },
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const version = out.toString('utf8').trim();
    return /chrom/i.test(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

function systemChromium(path: string): ChromiumChoice | undefined {
  const dirs = path.split(delimiter).filter(Boolean);
  for (const name of SYSTEM_BROWSERS) {
    for (const dir of dirs) {
      const executablePath = join(dir, name);
      const version = versionOf(executablePath);
      if (version) return { executablePath, description: `${version}, the system's (${executablePath})`, env: {} };
    }
  }
  return undefined;
}

/**
 * The Chromium inside the @sparticuz/chromium package, which `npm install` brings (brotli-compressed, Linux x64).
 * It is unpacked once into node_modules/.cache, beside the install it came from, through the package's own
 * code. The unpack goes to a private folder renamed into place, so two Jest workers that start at once cannot
 * see half a file. Fonts: the system's, plus the package's Open Sans and the project's Noto Sans SC for Chinese,
 * so screenshots read the same on a machine with no CJK font.
 */
function bundledChromium(platform: string, arch: string): ChromiumChoice | undefined {
  let entry: string;
  try {
    entry = require.resolve('@sparticuz/chromium');
  } catch {
    return undefined;
  }
  if (platform !== 'linux' || arch !== 'x64') return undefined;
  const packageDir = join(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const dir = join(packageDir, '..', '..', '.cache', 'chedun-chromium', version);
  const executablePath = join(dir, 'chromium');
  if (!existsSync(executablePath)) {
    const staging = `${dir}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    // The package is an ES module that unpacks into the OS temp folder: a child Node with TMPDIR set unpacks it here.
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `await (await import(${JSON.stringify(pathToFileURL(entry).href)})).default.executablePath();`,
      ],
      {
        env: { ...process.env, TMPDIR: staging },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const notoSans = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
    writeFileSync(
      join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(dir, 'fonts')}</dir>
  <dir>${notoSans}</dir>
  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>
</fontconfig>
`,
    );
    try {
      renameSync(staging, dir);
    } catch {
      // Another worker put its copy there first: the same files.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  const env = { FONTCONFIG_FILE: join(dir, 'fonts.conf') };
  const found = versionOf(executablePath, env);
  if (!found) {
    throw new Error(
      `No Chromium for the browser suites: the one @sparticuz/chromium brought (${executablePath}) does not run here (\`${executablePath} --version\` fails), so ${WHAT_TO_INSTALL}.`,
    );
  }
  return {
    executablePath,
    description: `${found}, from the @sparticuz/chromium package that npm install brought (${executablePath})`,
    env,
  };
}

/**
 * The browser for the browser suites, in this order: CHROMIUM_PATH; a system Chromium or Chrome on the PATH; the
 * Chromium that `npm install` brought. Where none can be had, an error that says what to install: the suites fail,
 * never skip. The arguments are this process's own unless a test asks about another machine.
 */
export function findChromium(
  env: Record<string, string | undefined> = process.env,
  platform: string = process.platform,
  arch: string = process.arch,
): ChromiumChoice {
  const given = env['CHROMIUM_PATH'];
  if (given) {
    const version = versionOf(given);
    if (!version)
      throw new Error(
        `No Chromium for the browser suites: CHROMIUM_PATH=${given} does not run as a Chromium (\`${given} --version\`), so ${WHAT_TO_INSTALL}.`,
      );
    return { executablePath: given, description: `${version}, from CHROMIUM_PATH (${given})`, env: {} };
  }
  const choice = systemChromium(env['PATH'] ?? '') ?? bundledChromium(platform, arch);
  if (!choice) {
    throw new Error(
      `No Chromium for the browser suites: none on this system, and the one npm install brings (@sparticuz/chromium) runs only on Linux x64 (this is ${platform} ${arch}), so ${WHAT_TO_INSTALL}.`,
    );
  }
  return choice;
}

let chosen: ChromiumChoice | undefined;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(WEB_DIR, 'index.html'))) {
    throw new Error('The web app is not built: run `npm run build:web` (npm test does) before the browser suites');
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  chosen ??= findChromium();
  process.stdout.write(`browser: ${chosen.description}\n`);
  return chromium.launch({
    executablePath: chosen.executablePath,
    env: { ...process.env, ...chosen.env },
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

export async function newPage(
  browser: Browser,
  baseURL: string,
  device: typeof PHONE | typeof DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
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
