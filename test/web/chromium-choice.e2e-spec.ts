import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../support/browser';

/**
 * Which browser the browser suites drive (README, Tests): CHROMIUM_PATH, then a system Chromium or Chrome, then the
 * one `npm install` brought; and where there is none, a failure that says what to install, never a skip.
 */
describe('the browser suites find or bring their own Chromium', () => {
  let dir: string;
  let notABrowser: string;
  let fakeChromium: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'chedun-chromium-choice-'));
    notABrowser = join(dir, 'chromium');
    writeFileSync(notABrowser, '');
    // A PATH entry that answers like a browser proves the system one comes before the bundled one.
    mkdirSync(join(dir, 'bin-system'));
    fakeChromium = join(dir, 'bin-system', 'chromium');
    writeFileSync(fakeChromium, '#!/bin/sh\necho "Chromium 999.0.0.0 built on Test"\n');
    chmodSync(fakeChromium, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the Chromium npm install brought when there is no other, as on a fresh machine', () => {
    const choice = findChromium({ PATH: join(dir, 'nothing-here') }, 'linux', 'x64');
    expect(choice.description).toMatch(
      /^Chromium \d+\.[\d.]+, from the @sparticuz\/chromium package that npm install brought/,
    );
    expect(findChromium({ CHROMIUM_PATH: choice.executablePath, PATH: '' }).description).toContain(
      'from CHROMIUM_PATH',
    );
  });

  it('prefers a system Chromium on the PATH, and CHROMIUM_PATH over both', () => {
    expect(findChromium({ PATH: join(dir, 'bin-system') }, 'linux', 'x64')).toEqual({
      executablePath: fakeChromium,
      description: `Chromium 999.0.0.0 built on Test, the system's (${fakeChromium})`,
      env: {},
    });
    const bundled = findChromium({ PATH: '' }, 'linux', 'x64').executablePath;
    expect(findChromium({ CHROMIUM_PATH: bundled, PATH: join(dir, 'bin-system') }).executablePath).toBe(bundled);
  });

  it('fails with one sentence that says what to install where none can be had', () => {
    expect(() => findChromium({ PATH: join(dir, 'nothing-here') }, 'darwin', 'arm64')).toThrow(
      /^No Chromium for the browser suites: none on this system, and the one npm install brings \(@sparticuz\/chromium\) runs only on Linux x64 \(this is darwin arm64\), so install Chromium or Google Chrome \(on Debian: `apt-get install chromium`\) or set CHROMIUM_PATH to one\.$/,
    );
    // An empty file in the browser's place (as when /usr/bin/chromium is hidden) is no browser.
    expect(() => findChromium({ CHROMIUM_PATH: notABrowser, PATH: '' })).toThrow(
      /^No Chromium for the browser suites: CHROMIUM_PATH=.* does not run as a Chromium/,
    );
  });
});
