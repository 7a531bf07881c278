/**
 * Issue 10, real-host points for Google Sheets, over the BUILT dist/sheets project in one Node vm
 * (test/sheets/gas.ts) with the fake spreadsheet's Apps Script globals:
 *  - a Date argument is the instant the SPREADSHEET's time zone shows (Asia/Shanghai here), whatever
 *    the script's own zone (appsscript.json says Etc/UTC; here the process zone is varied too);
 *  - the user's language: Session.getActiveUserLocale(), else the spreadsheet locale, else English;
 *  - the add-on menu is Extensions ▸ <add-on name> (createAddonMenu), with bilingual items;
 *  - whole-column ranges (A2:A) answer down to the last non-empty row only.
 * docs/VERIFY.md has the matching manual steps in a real Google Sheet.
 */
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from './gas';
import { FakeSpreadsheet, fakeGas } from './fake-spreadsheet';

const SHANGHAI = 8 * 3_600_000;

function load(opts: { tz?: string; locale?: string; userLocale?: string; noSession?: boolean } = {}) {
  const book = new FakeSpreadsheet(opts.tz ?? 'Asia/Shanghai', opts.locale ?? 'en_US');
  const { globals, ui } = fakeGas(book, { userLocale: opts.userLocale ?? opts.locale ?? 'en_US', noSession: opts.noSession });
  const ctx = loadProject(globals);
  return { ctx, ui };
}

/**
 * What Sheets passes for =DATE(2024,6,1)+TIME(10,0,0) in a spreadsheet whose zone is `offsetMs` from
 * UTC: the serial's wall clock read in the spreadsheet's zone, as a Date (an instant), made in the
 * script's realm.
 */
const sheetsDate = (ctx: vm.Context, y: number, m: number, d: number, h: number, offsetMs: number): Date =>
  vm.runInContext(`new Date(${Date.UTC(y, m - 1, d, h) - offsetMs})`, ctx);

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('Sheets Date arguments follow the spreadsheet time zone, not the script time zone', () => {
  for (const scriptZone of ['Etc/UTC', 'America/Los_Angeles', 'Asia/Shanghai']) {
    it(`=UPLOAD_BY(DATE(2024,6,1)+TIME(10,0,0)) in an Asia/Shanghai sheet shows 2024-06-02 10:00 (script zone ${scriptZone})`, () => {
      process.env.TZ = scriptZone; // the V8 runtime's local zone = the script's zone in Apps Script
      const { ctx } = load({ tz: 'Asia/Shanghai' });
      const paid = sheetsDate(ctx, 2024, 6, 1, 10, SHANGHAI);
      const out = ctx.UPLOAD_BY(paid) as Date;
      expect(Object.prototype.toString.call(out)).toBe('[object Date]');
      // The sheet shows an instant in its own zone: 2024-06-02 10:00 Shanghai = 02:00 UTC.
      expect(out.toISOString()).toBe('2024-06-02T02:00:00.000Z');
      // And the deadline check agrees at the minute.
      expect(ctx.UPLOAD_LATE(paid, sheetsDate(ctx, 2024, 6, 2, 10, SHANGHAI))).toBe(false);
      expect(ctx.UPLOAD_LATE(paid, vm.runInContext(`new Date(${Date.UTC(2024, 5, 2, 10, 1) - SHANGHAI})`, ctx))).toBe(true);
    });
  }

  it('the same formula in a New York sheet (DST) is 10:00 New York time the next day', () => {
    const { ctx } = load({ tz: 'America/New_York' });
    const EDT = -4 * 3_600_000;
    const out = ctx.UPLOAD_BY(sheetsDate(ctx, 2024, 6, 1, 10, EDT)) as Date;
    expect(out.toISOString()).toBe('2024-06-02T14:00:00.000Z');
  });
});

describe('the user language in custom functions', () => {
  it('Session.getActiveUserLocale() first; empty or refused → the spreadsheet locale; else English', () => {
    expect(load({ userLocale: 'zh_CN', locale: 'en_US' }).ctx.SG_TIER('Poland')).toBe('新兴市场');
    // Custom functions may get "" or an exception from Session: the spreadsheet's locale decides.
    expect(load({ userLocale: '', locale: 'zh_CN' }).ctx.SG_TIER('Poland')).toBe('新兴市场');
    expect(load({ noSession: true, locale: 'zh_CN' }).ctx.SG_TIER('Poland')).toBe('新兴市场');
    expect(load({ noSession: true, locale: 'de_DE' }).ctx.SG_TIER('Poland')).toMatch(/emerging/i);
  });
});

describe('the add-on menu', () => {
  it('is the add-on menu (Extensions ▸ add-on name) with the two bilingual items', () => {
    const en = load();
    en.ctx.onOpen({ authMode: 'NONE' });
    expect(en.ui.menus).toHaveLength(1);
    expect(en.ui.menus[0].items).toEqual([
      ['Open audit sidebar', 'aeShowSidebar'],
      ['Insert rate card', 'aeInsertRateCardFromMenu'],
    ]);
    const zh = load({ userLocale: 'zh_CN' });
    zh.ctx.onOpen({});
    expect(zh.ui.menus[0].items.map((i: [string, string]) => i[0])).toEqual(['打开审核侧边栏', '插入费率卡']);
  });
});

describe('whole-column ranges', () => {
  it('=TRACK_VALID("DHL", E2:E) over a 50,000-row sheet with 10 filled rows answers 10 rows', () => {
    const { ctx } = load();
    const col: unknown[][] = Array.from({ length: 50_000 }, () => ['']);
    for (let r = 0; r < 10; r++) col[r] = [r === 4 ? '' : '3318810025'];
    const out = ctx.TRACK_VALID('DHL', col) as unknown[][];
    expect(out).toHaveLength(10);
    expect(out[0][0]).toBe(true);
    expect(out[4][0]).toBe('');
  });
});
