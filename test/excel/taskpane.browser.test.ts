/**
 * The BUILT task pane page (dist/excel/taskpane.html) in headless Chromium against a mocked Office
 * host: Microsoft's office.js CDN URL is intercepted and answered with a mock Office (onReady,
 * context.displayLanguage) plus an Excel.run over an in-memory workbook (test/excel/fake-excel.ts,
 * transpiled alone), and a stub CustomFunctions runtime that records registrations. No network: every
 * other request is served from dist/excel or aborted.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, skipBrowser } from '../helpers/browser';
import { decodeText, parseCsv } from '../../cli/read';
import { CATALOGUE } from '../../core/functions';

const DIST = path.resolve('dist/excel');
const ORIGIN = 'https://localhost:3000';
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml' };

function mockOfficeJs(lang: string, header: string[], rows: string[][]): string {
  const fake = ts.transpileModule(readFileSync(path.resolve('test/excel/fake-excel.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return `(function () {
  var exports = {}; var module = { exports: exports };
  ${fake}
  var wb = new exports.FakeWorkbook();
  wb.addSheet('Notes', [['my own notes']]);
  var orders = wb.addSheet('Orders', [${JSON.stringify(header)}].concat(${JSON.stringify(rows)}));
  wb.addSheet('Findings', [['a user sheet called Findings'], ['keep me']]);
  wb.activeId = orders.id;
  window.__wb = wb;
  window.__sourceBefore = JSON.stringify(orders.cells);
  window.__cf = [];
  window.CustomFunctions = {
    associate: function (id, fn) { window.__cf.push(id); },
    Error: function (code, message) { this.code = code; this.message = message; },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' }
  };
  window.Excel = exports.createExcel(wb);
  var info = { host: 'Excel', platform: 'OfficeOnline' };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: { displayLanguage: ${JSON.stringify(lang)} },
    onReady: function (cb) { return new Promise(function (res) { setTimeout(function () { if (cb) cb(info); res(info); }, 0); }); }
  };
})();`;
}

describe.skipIf(skipBrowser)('Excel task pane in Chromium (mocked Office host)', () => {
  let browser: Browser;
  const csv = parseCsv(decodeText(readFileSync(path.resolve('examples/orders.csv'))));
  const header = csv[0];
  const rows = csv.slice(1, 301).filter((r) => r.length === header.length);

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist/excel missing: build first');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(lang: string) {
    const context = await browser.newContext({ viewport: { width: 360, height: 900 }, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const errors: string[] = [];
    const external: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.href === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js') {
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: mockOfficeJs(lang, header, rows) });
      }
      if (url.origin === ORIGIN) {
        const file = path.join(DIST, decodeURIComponent(url.pathname));
        if (file.startsWith(DIST) && existsSync(file)) {
          return route.fulfill({ status: 200, contentType: MIME[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
        }
        return route.fulfill({ status: 404, body: 'not found' });
      }
      external.push(url.href);
      return route.abort();
    });
    await page.goto(`${ORIGIN}/taskpane.html`);
    return { context, page, errors, external };
  }

  it('registers the custom functions in the shared runtime, runs an audit from its buttons, writes its own sheets only', async () => {
    const { context, page, errors, external } = await open('en-US');
    // functions.js ran in the same page (shared runtime) and registered every function.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __cf: string[] }).__cf.length)).toBe(CATALOGUE.length);

    const source = page.getByLabel('Table or range to audit');
    await expect.poll(() => source.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    // The active sheet (Orders) is offered first and selected.
    expect(await source.locator('option:checked').textContent()).toContain('Orders');

    await page.getByRole('button', { name: 'Run audit' }).click();
    await page.getByText('Audit complete').waitFor({ timeout: 60_000 });

    const wb = await page.evaluate(() => {
      const w = (window as unknown as { __wb: { sheets: { name: string; cells: unknown[][]; charts: unknown[]; fills: Map<number, string> }[] }; __sourceBefore: string }).__wb;
      const before = (window as unknown as { __sourceBefore: string }).__sourceBefore;
      return {
        names: w.sheets.map((s) => s.name),
        sourceUnchanged: JSON.stringify(w.sheets.find((s) => s.name === 'Orders')!.cells) === before,
        userFindings: w.sheets.find((s) => s.name === 'Findings')!.cells,
        findingsRows: w.sheets.find((s) => s.name === 'Findings (2)')?.cells.length ?? 0,
        filled: w.sheets.find((s) => s.name === 'Findings (2)')?.fills.size ?? 0,
        charts: w.sheets.find((s) => s.name === 'Weekly')?.charts.length ?? 0,
      };
    });
    expect(wb.names).toEqual(['Notes', 'Orders', 'Findings', 'Findings (2)', 'Summary', 'Weekly']);
    expect(wb.sourceUnchanged).toBe(true);
    expect(wb.userFindings).toEqual([['a user sheet called Findings'], ['keep me']]);
    expect(wb.findingsRows).toBeGreaterThan(10);
    expect(wb.filled).toBeGreaterThan(1);
    expect(wb.charts).toBe(1);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('excel-taskpane.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('audits an export file opened in the pane without pasting it; the outputs go to the workbook [issue 11]', async () => {
    const { context, page, errors, external } = await open('en-US');
    const source = page.getByLabel('Table or range to audit');
    await expect.poll(() => source.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await page.locator('input[type=file]').setInputFiles(path.resolve('examples/orders.xlsx'));
    await expect.poll(() => source.locator('option:checked').textContent(), { timeout: 15_000 }).toContain('orders.xlsx');
    await page.getByRole('button', { name: 'Run audit' }).click();
    await page.getByText('Audit complete').waitFor({ timeout: 60_000 });
    const wb = await page.evaluate(() => {
      const w = (window as unknown as { __wb: { sheets: { name: string; cells: unknown[][] }[] } }).__wb;
      return { names: w.sheets.map((s) => s.name), findings: w.sheets.find((s) => s.name === 'Findings (2)')?.cells ?? [] };
    });
    expect(wb.names).toEqual(['Notes', 'Orders', 'Findings', 'Findings (2)', 'Summary', 'Weekly']);
    expect(wb.findings.filter((r) => r[2] === 'X-FORMAT')).toHaveLength(6);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it('opened in a plain browser (no Office.js): one language, and the way to the browser app', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === ORIGIN) {
        const file = path.join(DIST, decodeURIComponent(url.pathname));
        if (existsSync(file)) return route.fulfill({ status: 200, contentType: MIME[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
      }
      return route.abort();
    });
    await page.goto(`${ORIGIN}/taskpane.html`);
    const text = await page.locator('#app').innerText();
    expect(text).toContain('Office.js 未能加载');
    expect(text).not.toMatch(/did not load|could not start/);
    expect(await page.getByRole('link').getAttribute('href')).toBe('../index.html');
    await context.close();
  });

  it('follows Office.context.displayLanguage (zh-CN)', async () => {
    const { context, page, errors } = await open('zh-CN');
    await page.getByText('订单审核').first().waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.screenshot({ path: screenshotPath('excel-taskpane-zh.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
