/**
 * Headless Chromium for browser tests: an installed Chromium or Chrome driven by playwright-core,
 * never a downloaded browser. Which one (findChromium):
 *   1. $AE_CHROMIUM, $CHROME_PATH or $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
 *   2. the usual places on Linux (Debian's /usr/bin/chromium first), macOS and Windows.
 * None? test/helpers/global-setup.ts (run once before all tests) installs Debian's `chromium` with
 * apt when it can (root, apt-get present), saying so, exactly as .ci/run does; otherwise the browser
 * tests fail with the exact command to run. They are never silently skipped.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const ENV_VARS = ['AE_CHROMIUM', 'CHROME_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];

/** Where Chromium-family browsers usually live on this platform. */
export function usualPaths(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((x): x is string => !!x);
    return roots.flatMap((r) => [path.win32.join(r, 'Google/Chrome/Application/chrome.exe'), path.win32.join(r, 'Chromium/Application/chrome.exe'), path.win32.join(r, 'Microsoft/Edge/Application/msedge.exe')]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'];
}

/** The browser to use, or undefined. An env var naming a missing file is an error, not a fallback. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync, platform: NodeJS.Platform = process.platform): string | undefined {
  for (const v of ENV_VARS) {
    const p = env[v];
    if (p) {
      if (!exists(p)) throw new Error(`${v}=${p}: no such file. Point it at a Chromium or Chrome executable, or unset it.`);
      return p;
    }
  }
  return usualPaths(platform, env).find((p) => exists(p));
}

/** The exact command that gets a browser on this machine (what the failure message says). */
export function installHint(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'brew install --cask chromium   (or install Google Chrome; or set AE_CHROMIUM=/path/to/chrome)';
  if (platform === 'win32') return 'winget install Google.Chrome   (or set AE_CHROMIUM=C:\\path\\to\\chrome.exe)';
  return 'sudo apt-get update && sudo apt-get install -y chromium   (Debian/Ubuntu; or set AE_CHROMIUM=/path/to/chrome)';
}

export const CHROMIUM = (() => {
  try {
    return findChromium();
  } catch {
    return undefined;
  }
})();
export const hasChromium = CHROMIUM !== undefined;
/**
 * Kept for the existing `describe.skipIf(skipBrowser)(…)`: always false. Browser tests never skip;
 * without a browser launchChromium() fails and says how to get one.
 */
export const skipBrowser = false;

export function launchChromium(): Promise<Browser> {
  const exe = findChromium();
  if (!exe) return Promise.reject(new Error(`No Chromium or Chrome found for the browser tests. Run:\n  ${installHint()}`));
  return chromium.launch({
    executablePath: exe,
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
