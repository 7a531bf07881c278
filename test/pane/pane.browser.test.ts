/**
 * The BUILT demo page (dist/pane-demo/index.html, one self-contained file) in headless Chromium:
 * pick the source, run the audit from the pane's buttons, check the outputs in the in-memory
 * workbook, switch to Chinese, and save screenshots (sidebar width and a wide task pane).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath, skipBrowser } from '../helpers/browser';

const DEMO = path.resolve('dist/pane-demo/index.html');
/** Scroll the pane back to its top before a screenshot (clicks scroll it). */
const top = (p: Page) => p.evaluate(() => document.getElementById('app')!.scrollTo(0, 0));

describe.skipIf(skipBrowser)('audit pane demo page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: build it with npx webpack --mode production --env only=pane`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is one self-contained HTML file', () => {
    const html = readFileSync(DEMO, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(existsSync(path.resolve('dist/pane-demo/pane.js'))).toBe(false);
  });

  it('runs an audit from its buttons and writes the output sheets', async () => {
    await page.goto(`${pathToFileURL(DEMO).href}?lang=en&delay=20`);
    const source = page.getByLabel('Table or range to audit');
    await expect.poll(() => source.locator('option').count()).toBeGreaterThan(1);
    const orders = await page.evaluate(() => JSON.parse(JSON.stringify(window.__paneDemo!.workbook.values('订单 Orders'))));
    await source.selectOption('sheet:订单 Orders');
    await page.getByText('Show and edit the columns').click();
    await expect.poll(() => page.getByLabel('Order ID').inputValue()).toBe('0');
    // A user override from the keyboard-usable <select>: unmap the tracking number, then map it back.
    await page.getByLabel('Tracking number').selectOption('');
    // The demo sheet has no X-FIRSTSCAN column and no packaging / gift-SKU review columns ([G-PACK], [G-REVIEW]).
    await page.getByText('Rules that will be skipped (4)').click();
    await page.getByText(/X-FORMAT.*needs: Tracking number/).waitFor();
    await page.getByLabel('Tracking number').selectOption({ label: '运单号' });
    await page.getByText('Rules that will be skipped (3)').waitFor();

    const run = page.getByRole('button', { name: 'Run audit' });
    await expect.poll(() => run.isEnabled()).toBe(true);
    await run.click();
    await page.getByText('Audit complete').waitFor({ timeout: 30_000 });

    const names = await page.evaluate(() => window.__paneDemo!.workbook.sheetNames());
    expect(names).toEqual(expect.arrayContaining(['订单 Orders', 'Findings', 'Summary', 'Weekly']));
    const findings = await page.evaluate(() => window.__paneDemo!.workbook.values('Findings')!);
    expect(findings.length).toBeGreaterThan(10);
    expect(findings[0]).toContain('Rule');
    const charts = await page.evaluate(() => window.__paneDemo!.workbook.charts.map((c) => c.sheet));
    expect(charts).toEqual(['Weekly']);
    // The source is untouched.
    const after = await page.evaluate(() => JSON.parse(JSON.stringify(window.__paneDemo!.workbook.values('订单 Orders'))));
    expect(after).toEqual(orders);
    await expect.poll(() => page.getByText('Rows audited').isVisible()).toBe(true);
    // The result says when open orders were judged and with which rate card.
    await page.getByText(/Open orders judged as of: \d{4}-\d{2}-\d{2} \d{2}:\d{2} · Rate card: built-in \(2024-standard\)/).waitFor();
    const picker = page.getByLabel('Rate card for the audit');
    expect(await picker.locator('option').first().textContent()).toBe('Built-in (2024-standard)');
    await top(page);
    await page.screenshot({ path: screenshotPath('pane-demo-en.png') });
  });

  it('switches to Chinese and inserts the rate card', async () => {
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByText('审核完成').waitFor();
    await expect.poll(() => page.getByRole('button', { name: '运行审核' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('订单号', { exact: true }).first().isVisible()).toBe(true);
    await page.getByRole('button', { name: '插入费率卡' }).click();
    await page.getByText('已插入工作表：AE 费率卡').waitFor();
    const names = await page.evaluate(() => window.__paneDemo!.workbook.sheetNames());
    expect(names).toContain('AE 费率卡');
    // The inserted card is offered as the audit's rate card and checked when picked.
    const picker = page.getByLabel('审核使用的费率卡');
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
    await picker.selectOption('AE 费率卡');
    await page.getByText(/费率卡“2024-standard”，生效日期 .*：可用/).waitFor();
    await page.getByText('收起列对应').click(); // fold the column list: result and rate card in view
    await top(page);
    await page.screenshot({ path: screenshotPath('pane-demo.png') });
  });

  it('cancel stops the run and writes nothing', async () => {
    const p2 = await browser.newPage({ viewport: { width: 300, height: 760 } });
    await p2.goto(`${pathToFileURL(DEMO).href}?lang=zh&delay=150&rows=2000&chunk=100`);
    const run = p2.getByRole('button', { name: '运行审核' });
    await expect.poll(() => run.isEnabled()).toBe(true);
    await run.click();
    await p2.getByText('读取中').first().waitFor();
    await top(p2);
    await p2.screenshot({ path: screenshotPath('pane-demo-sidebar-running.png') });
    await p2.getByRole('button', { name: '取消' }).click();
    await p2.getByText('已取消，未写入任何内容。').waitFor({ timeout: 10_000 });
    const names = await p2.evaluate(() => window.__paneDemo!.workbook.sheetNames());
    expect(names).not.toContain('Findings');
    await top(p2);
    await p2.screenshot({ path: screenshotPath('pane-demo-sidebar.png') });
    await p2.close();
  });

  it('logged no page errors', () => {
    expect(errors).toEqual([]);
  });
});
