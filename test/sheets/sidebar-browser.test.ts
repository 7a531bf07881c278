/**
 * The built Sidebar.html (as aeShowSidebar serves it) in headless Chromium, with a google.script.run
 * shim bridged to the server functions running in Node over the fake spreadsheet. The audit is run
 * from the pane's buttons; screenshots go to test-results/screenshots/sheets-sidebar*.png.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, skipBrowser } from '../helpers/browser';
import { FakeSpreadsheet, fakeGas } from './fake-spreadsheet';
import { loadProject, vmTransport } from './gas';
import { bigOrders } from './orders';

/** google.script.run as HtmlService provides it: chained handlers, async, one call per function name. */
const SHIM = `
(() => {
  const runner = (ok, fail) => new Proxy({}, {
    get(_, prop) {
      if (prop === 'withSuccessHandler') return (f) => runner(f, fail);
      if (prop === 'withFailureHandler') return (f) => runner(ok, f);
      if (prop === 'withUserObject') return () => runner(ok, fail);
      return (...args) => {
        window.__gasCall(String(prop), JSON.stringify(args)).then((text) => {
          const r = JSON.parse(text);
          if (r.ok) { if (ok) ok(r.result); }
          else if (fail) fail(Object.assign(new Error(r.error), { name: 'ScriptError' }));
          else console.error(r.error);
        });
      };
    },
  });
  window.google = { script: { run: runner() } };
})();`;

async function openSidebar(browser: Browser, opts: { locale: string; rows: number; delayMs: number; fromMenu?: 'aeInsertRateCardFromMenu' }) {
  const book = new FakeSpreadsheet('Asia/Shanghai', opts.locale);
  const { globals, ui } = fakeGas(book, { userLocale: opts.locale });
  const ctx = loadProject(globals);
  const { header, rows } = bigOrders(opts.rows);
  const source = book.addSheet(opts.locale.startsWith('zh') ? '订单' : 'Orders', [header, ...rows]);
  source.activate();
  const transport = vmTransport(ctx);
  const calls: string[] = [];
  ctx[opts.fromMenu ?? 'aeShowSidebar']();
  const html = (opts.fromMenu ? ui.dialogs : ui.sidebars)[0].html;
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' || process.env.SIDEBAR_DEBUG) console.log(`[sidebar ${m.type()}] ${m.text()}`); });
  await page.exposeFunction('__gasCall', async (fn: string, argsJson: string) => {
    calls.push(fn);
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    try {
      return JSON.stringify({ ok: true, result: await transport(fn, JSON.parse(argsJson)) });
    } catch (e) {
      return JSON.stringify({ ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
  // The shim goes first in <head>, as google.script.run exists before any page script in HtmlService.
  await page.setContent(html.replace('<head>', () => `<head><script>${SHIM}</script>`), { waitUntil: 'load' });
  return { page, book, source, calls, errors };
}

async function runFromButton(page: Page, runLabel: RegExp) {
  const run = page.getByRole('button', { name: runLabel });
  await expect.poll(() => run.isEnabled(), { timeout: 30_000 }).toBe(true);
  await run.click();
}

describe.skipIf(skipBrowser)('Sheets sidebar in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs an audit from its buttons, shows progress, writes the output sheets and inserts the rate card', async () => {
    const { page, book, source, calls, errors } = await openSidebar(browser, { locale: 'en_US', rows: 12_000, delayMs: 250 });
    const before = source.snapshot();
    await expect.poll(() => page.locator('select').first().inputValue(), { timeout: 30_000 }).toMatch(/^sheet:/);
    await runFromButton(page, /Run audit/i);
    // The progress bar while it reads in chunks.
    const bar = page.getByRole('progressbar');
    await bar.waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? 0), { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('sheets-sidebar-progress.png'), fullPage: true });
    await page.locator('.aep-result').waitFor({ state: 'visible', timeout: 120_000 });
    const resultText = await page.locator('.aep-result').innerText();
    expect(resultText).toMatch(/12,000/);
    expect(resultText).toMatch(/Findings/);
    // Rate card from its button.
    await page.getByRole('button', { name: /Insert rate card/i }).click();
    await expect.poll(() => page.getByText(/AE Rate Card/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('sheets-sidebar.png'), fullPage: true });

    expect(errors).toEqual([]);
    expect(calls.filter((c) => c === 'aeReadRows')).toHaveLength(3);
    expect(book.getSheets().map((s) => s.getName())).toEqual(['Orders', 'Findings', 'Summary', 'Weekly', 'AE Rate Card']);
    expect(book.getSheetByName('Weekly')!.charts).toHaveLength(1);
    expect(source.snapshot()).toEqual(before);
    await page.close();
  }, 180_000);

  it('audits an export file opened in the sidebar, writing the outputs to the spreadsheet [issue 11]', async () => {
    const { page, book, source, calls, errors } = await openSidebar(browser, { locale: 'en_US', rows: 50, delayMs: 0 });
    const before = source.snapshot();
    await expect.poll(() => page.locator('select').first().inputValue(), { timeout: 30_000 }).toMatch(/^sheet:/);
    await page.locator('input[type=file]').setInputFiles(path.resolve('examples/orders.csv'));
    await expect.poll(() => page.locator('select').first().inputValue(), { timeout: 30_000 }).toMatch(/^file:/);
    await runFromButton(page, /Run audit/i);
    await page.locator('.aep-result').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('.aep-result').innerText()).toMatch(/602/);
    expect(errors).toEqual([]);
    // The file was read in the sidebar: the server was never asked for its rows, only to write the outputs.
    expect(calls.filter((c) => c === 'aeReadRows')).toEqual([]);
    expect(book.getSheets().map((s) => s.getName())).toEqual(['Orders', 'Findings', 'Summary', 'Weekly']);
    const findings = book.getSheetByName('Findings')!.getDataRange().getValues();
    expect(findings[0].slice(0, 3)).toEqual(['Row', 'Order ID', 'Rule']);
    // Every planted format error of the sample (judged as of today, so timeouts vary; formats do not).
    expect(findings.filter((r) => r[2] === 'X-FORMAT')).toHaveLength(6);
    expect(source.snapshot()).toEqual(before);
    await page.close();
  }, 120_000);

  it('the menu\'s "Insert rate card" dialog inserts the card and says where (Chinese user)', async () => {
    const { page, book, calls, errors } = await openSidebar(browser, { locale: 'zh_CN', rows: 5, delayMs: 0, fromMenu: 'aeInsertRateCardFromMenu' });
    await expect.poll(() => book.getSheets().map((s) => s.getName()), { timeout: 30_000 }).toEqual(['订单', 'AE 费率卡']);
    await expect.poll(() => page.getByRole('status').innerText(), { timeout: 30_000 }).toMatch(/^已插入工作表：AE 费率卡。修改后可把该区域作为函数的 rates 参数/);
    await expect(page.getByRole('button', { name: '关闭' }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('sheets-rate-card-dialog-zh.png') });
    // The insert (and the pane's refresh of its rate-card sheet list): no source scan, no audit.
    expect(calls).toEqual(['aeInsertRateCard', 'aeListSheets']);
    const card = book.getSheetByName('AE 费率卡')!.getDataRange().getValues();
    expect(card[0]).toEqual(['键', '值', '说明']);
    expect(card.find((r) => r[0] === 'gift.cpc')?.[2]).toMatch(/站外单次点击成本/);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('speaks Chinese for a zh_CN user', async () => {
    const { page, book, errors } = await openSidebar(browser, { locale: 'zh_CN', rows: 600, delayMs: 0 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await runFromButton(page, /运行审核/);
    await page.locator('.aep-result').waitFor({ state: 'visible', timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('sheets-sidebar-zh.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(book.getSheets().length).toBe(4);
    await page.close();
  }, 120_000);
});
