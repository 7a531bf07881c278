/**
 * Headless Chromium for browser tests: Debian's chromium driven by playwright-core, never a
 * downloaded browser. Without /usr/bin/chromium the browser tests are skipped locally, but fail in CI
 * (CI=true), where .ci/run installs it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Use as `describe.skipIf(skipBrowser)(…)`. */
export const skipBrowser = !hasChromium && process.env.CI !== 'true';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Where tests save screenshots (kept out of git). */
export function screenshotPath(name: string): string {
  const dir = path.resolve('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
