/**
 * Once before all tests (vitest globalSetup): make sure the browser tests have a browser. When no
 * Chromium or Chrome is found (test/helpers/browser.ts) and this machine can install Debian's
 * `chromium` (root, apt-get present), install it the way .ci/run does, saying so. Otherwise print the
 * exact command; the browser tests then fail with it (the other tests still run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, installHint } from './browser';

export default function setup(): void {
  let found: string | undefined;
  try {
    found = findChromium();
  } catch (e) {
    process.stderr.write(`[browser tests] ${(e as Error).message}\n`);
    return;
  }
  if (found) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt || process.env.AE_NO_INSTALL === '1') {
    process.stderr.write(`[browser tests] No Chromium or Chrome found; the browser tests will fail. Run:\n  ${installHint()}\n`);
    return;
  }
  process.stderr.write('[browser tests] No Chromium or Chrome found: installing Debian\'s chromium with apt-get (as .ci/run does; about 30 s)…\n');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get install chromium exited with ${r.status}`);
    process.stderr.write(`[browser tests] installed: ${findChromium() ?? '(still not found)'}\n`);
  } catch (e) {
    process.stderr.write(`[browser tests] could not install chromium (${(e as Error).message}). Run:\n  ${installHint()}\n`);
  }
}
