/**
 * The BUILT browser app (dist/web/ and the same app at dist/index.html) in headless Chromium, served
 * from a static server with every request outside its origin blocked: choose an export in the file
 * input, run the audit from its button, download the report workbook and check it holds the expected
 * findings (examples/orders.expected.json) — from the .xlsx export, and from the same export saved
 * as a GBK CSV (as Chinese Excel saves it), in Chinese.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../helpers/browser';
import { serveStatic } from './serve';

const expected = JSON.parse(readFileSync(path.resolve('examples/orders.expected.json'), 'utf8')) as { now: string; rows: number; counts: Record<string, number> };
const NOW = expected.now.slice(0, 10);

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ae-web-'));
  server = await serveStatic('dist');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A context where every request outside the site's origin is aborted and recorded. */
async function isolated(): Promise<{ ctx: BrowserContext; page: Page; blocked: string[]; errors: string[] }> {
  const ctx = await browser.newContext({ acceptDownloads: true, locale: 'en-US' });
  const blocked: string[] = [];
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { ctx, page, blocked, errors };
}

/** Open `file`, run the audit, download the report; the report workbook and the page. */
async function auditInPage(page: Page, url: string, file: string, runLabel: string, downloadLabel: RegExp) {
  await page.goto(url);
  await page.locator('input[type=file]').setInputFiles(file);
  // The mapping is shown: every field found (the count reads "23/23" or similar) before Run is enabled.
  const run = page.getByRole('button', { name: runLabel, exact: true });
  await expect.poll(() => run.isEnabled(), { timeout: 30_000 }).toBe(true);
  const mapping = await page.locator('.aep-count').textContent();
  await run.click();
  const button = page.getByRole('button', { name: downloadLabel });
  await button.waitFor({ timeout: 60_000 });
  const stats = await page.locator('.aep-stats').innerText();
  const pending = page.waitForEvent('download');
  await button.click();
  const download = await pending;
  const saved = path.join(tmp, download.suggestedFilename());
  await download.saveAs(saved);
  const wb = XLSX.read(readFileSync(saved), { type: 'buffer', cellNF: true });
  return { wb, name: download.suggestedFilename(), stats, mapping: mapping ?? '' };
}

const rows = (wb: XLSX.WorkBook, sheet: string) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1, defval: '' });
function countsByRule(findings: unknown[][]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const r of findings.slice(1)) c[String(r[2])] = (c[String(r[2])] ?? 0) + 1;
  return c;
}

describe('browser app (dist/web) in Chromium, offline', () => {
  it('an .xlsx export: audit from the button, download the report with the expected findings (English)', async () => {
    const { ctx, page, blocked, errors } = await isolated();
    try {
      const r = await auditInPage(page, `${server.origin}/web/index.html?lang=en&now=${NOW}`, path.resolve('examples/orders.xlsx'), 'Run audit', /Download the report/);
      expect(r.name).toBe('orders-audit.xlsx');
      expect(r.wb.SheetNames).toEqual(['Findings', 'Summary', 'Weekly', 'About']);
      const findings = rows(r.wb, 'Findings');
      expect(findings[0].slice(0, 3)).toEqual(['Row', 'Order ID', 'Rule']);
      expect(countsByRule(findings)).toEqual(expected.counts);
      // Money columns carry the money format; order ids stay text.
      const g = r.wb.Sheets.Findings;
      const moneyCell = Object.keys(g).find((k) => /^G\d+$/.test(k) && k !== 'G1' && (g[k] as XLSX.CellObject).t === 'n');
      expect(moneyCell && (g[moneyCell] as XLSX.CellObject).z).toBe('#,##0.00');
      expect(typeof (findings[1][1])).toBe('string');
      expect(rows(r.wb, 'Weekly').slice(1).map((w) => w[0])).toContain('2024-W23');
      expect(r.stats).toContain(expected.rows.toLocaleString('en-US'));
      expect(r.mapping.trim()).not.toBe('');
      await page.screenshot({ path: screenshotPath('web-app-en.png'), fullPage: true });
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('the same export as a GBK CSV, at the site root, in Chinese: Chinese sheet names, same findings', async () => {
    const csv = readFileSync(path.resolve('examples/orders.csv'), 'utf8').replace(/^\ufeff/, '');
    const gbk = path.join(tmp, 'orders-gbk.csv');
    writeFileSync(gbk, iconv.encode(csv, 'gbk'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(gbk))).toThrow(); // really not UTF-8
    const { ctx, page, blocked, errors } = await isolated();
    try {
      const r = await auditInPage(page, `${server.origin}/index.html?lang=zh&now=${NOW}`, gbk, '运行审核', /下载报告/);
      expect(r.name).toBe('orders-gbk-csv-audit.xlsx');
      expect(r.wb.SheetNames).toEqual(['审核结果', '汇总', '每周费用', '说明']);
      const findings = rows(r.wb, '审核结果');
      expect(findings[0].slice(0, 3)).toEqual(['行号', '订单号', '规则']);
      expect(countsByRule(findings)).toEqual(expected.counts);
      expect(JSON.stringify(findings)).toContain('俄罗斯');
      await page.screenshot({ path: screenshotPath('web-app-zh.png'), fullPage: true });
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('opened from disk (file://), the app audits a CSV and offers the report', async () => {
    const ctx = await browser.newContext({ acceptDownloads: true });
    try {
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const r = await auditInPage(page, `${pathToFileURL(path.resolve('dist/index.html')).href}?lang=en&now=${NOW}`, path.resolve('examples/orders.csv'), 'Run audit', /Download the report/);
      expect(r.name).toBe('orders-csv-audit.xlsx');
      expect(countsByRule(rows(r.wb, 'Findings'))).toEqual(expected.counts);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('the header switch changes the page texts and the pane together (one way: <html lang> shows the en or zh spans)', async () => {
    const { ctx, page, errors } = await isolated();
    try {
      await page.goto(`${server.origin}/web/index.html?lang=en`);
      const h1 = page.locator('.side h1');
      await expect.poll(() => h1.innerText()).toBe('Audit an AliExpress orders export');
      expect(await page.locator('.side p').first().innerText()).toMatch(/^Open your export \(\.xlsx, \.xls or \.csv, English or Chinese headers\)/);
      await page.locator('#lang-switch').click();
      await expect.poll(() => h1.innerText()).toBe('审核速卖通订单导出表');
      expect(await page.locator('.side p').first().innerText()).toMatch(/^打开导出文件/);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      expect(await page.locator('#lang-switch').innerText()).toBe('English');
      expect(await page.locator('#playground h2').innerText()).toBe('函数试算');
      await expect.poll(() => page.locator('#app').innerText()).toContain('打开文件');
      await page.locator('#lang-switch').click();
      await expect.poll(() => h1.innerText()).toBe('Audit an AliExpress orders export');
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('the function playground answers with the result and the reason', async () => {
    const { ctx, page, blocked } = await isolated();
    try {
      await page.goto(`${server.origin}/web/index.html?lang=en`);
      await page.locator('#pg-fn').selectOption('TRACK_VALID');
      await page.locator('#pg-arg-0').fill('DHL');
      await page.locator('#pg-arg-1').fill('3318 810025');
      await page.locator('#playground button').click();
      const out = await page.locator('#playground .pg-out').innerText();
      expect(out).toContain('FALSE');
      expect(out).toMatch(/Reason: .*10 digits/);
      expect(blocked).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
