/**
 * The FUNCTIONS.md tracking examples through the public entry: the built dist/node/index.cjs
 * (`npm test` builds first via pretest; for a local run build the Node entry once:
 * npx webpack --mode production --env only=node && node scripts/postbuild.mjs).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const main = require(path.resolve(__dirname, '../../dist/node/index.cjs'));

describe('[X-FORMAT] TRACK_* through dist/node/index.cjs', () => {
  it('TRACK_VALID("DHL", "3318810025") is TRUE', () => expect(main.TRACK_VALID('DHL', '3318810025')).toBe(true));
  it('TRACK_VALID("DHL", "3318 810025") is FALSE and TRACK_CLEAN gives "3318810025"', () => {
    expect(main.TRACK_VALID('DHL', '3318 810025')).toBe(false);
    expect(main.TRACK_CLEAN('3318 810025')).toBe('3318810025');
    expect(main.TRACK_WHY('DHL', '3318 810025')).toMatch(/DHL wants exactly 10 digits; this has 11 characters including a space/);
  });
  it('TRACK_VALID("China Post", "RB123456785CN") is TRUE (S10)', () => expect(main.TRACK_VALID('China Post', 'RB123456785CN')).toBe(true));
  it('TRACK_WHY is "" when valid', () => expect(main.TRACK_WHY('DHL', '3318810025')).toBe(''));
  it('TRACK_CARRIER lists S10 above DHL eCommerce for RX…CN, #N/A when nothing fits', () => {
    expect(main.TRACK_CARRIER('RX123456785CN')).toBe('China Post, DHL eCommerce');
    const none = main.TRACK_CARRIER('HELLO');
    expect(main.isRuleError(none)).toBe(true);
    expect(none.kind).toBe('#N/A');
  });
  it('the typed core API is exported too', () => {
    expect(main.checkTracking('顺丰', 'SF1234567890123')).toMatchObject({ valid: true, code: 'VALID_FORMAT_ONLY', carrier: 'sf' });
    expect(main.resolveCarrier('燕文')).toBe('yanwen');
    expect(main.detectCarriers('1Z5R89390357567127')[0]).toMatchObject({ carrier: 'ups', format: 'ups_1z', checksum: true });
  });
  it('a 3-row range gives 3 results', () => {
    expect(main.TRACK_VALID('DHL', [['3318810025'], ['3318810010'], [3318810025]])).toEqual([[true], [false], [true]]);
  });
});
