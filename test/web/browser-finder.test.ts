/** test/helpers/browser.ts: which browser the browser tests use on a fresh machine, and what they say without one. */
import { describe, expect, it } from 'vitest';
import { findChromium, installHint, usualPaths } from '../helpers/browser';

describe('finding a Chromium or Chrome for the browser tests', () => {
  it('an env var wins; naming a missing file is an error, not a silent fallback', () => {
    expect(findChromium({ AE_CHROMIUM: '/opt/x/chrome' }, (p) => p === '/opt/x/chrome', 'linux')).toBe('/opt/x/chrome');
    expect(findChromium({ CHROME_PATH: '/c' }, (p) => p === '/c' || p === '/usr/bin/chromium', 'linux')).toBe('/c');
    expect(() => findChromium({ AE_CHROMIUM: '/nope' }, () => false, 'linux')).toThrow(/AE_CHROMIUM=\/nope: no such file/);
  });

  it('the usual places: Debian chromium first on Linux, then Chrome; macOS apps; Windows Program Files', () => {
    expect(findChromium({}, (p) => p === '/usr/bin/google-chrome' || p === '/usr/bin/chromium', 'linux')).toBe('/usr/bin/chromium');
    expect(findChromium({}, (p) => p === '/usr/bin/google-chrome', 'linux')).toBe('/usr/bin/google-chrome');
    expect(findChromium({}, (p) => p.endsWith('Google Chrome'), 'darwin')).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const win = usualPaths('win32', { PROGRAMFILES: 'C:\\Program Files' });
    expect(win).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(findChromium({}, () => false, 'linux')).toBeUndefined();
  });

  it('without one, the message is the exact command for the platform', () => {
    expect(installHint('linux')).toMatch(/^sudo apt-get update && sudo apt-get install -y chromium/);
    expect(installHint('darwin')).toMatch(/brew install --cask chromium/);
    expect(installHint('win32')).toMatch(/winget install Google\.Chrome/);
  });
});
