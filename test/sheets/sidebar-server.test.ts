/**
 * The sidebar's server functions (built dist/sheets, in a vm) over the fake SpreadsheetApp, driven by
 * the same client host code the sidebar uses (addin-sheets/client/host.ts) and the real audit engine
 * through the pane's controller: chunked reads with progress, outputs only to the add-in's own sheets,
 * the source untouched, re-runs replacing the previous output.
 */
import { describe, expect, it } from 'vitest';
import { PaneController, type PaneState } from '../../pane/controller';
import { coreEngine } from '../../pane/engine';
import { cardFromTable, isRuleError } from '../../core';
import { createSheetsHost, READ_CHUNK } from '../../addin-sheets/client/host';
import { FakeSpreadsheet, fakeGas, type FakeSheet } from './fake-spreadsheet';
import { loadProject, vmTransport } from './gas';
import { bigOrders, expectedAudit, sampleOrders, SHEET_TZ_OFFSET } from './orders';
import type { ChartSpec } from '../../core/audit/types';

const ROLE_KEY = 'aeSellerRules.role';
const role = (s: FakeSheet) => s.metadata.find((m) => m.key === ROLE_KEY)?.value;

function setup(opts: { locale?: string } = {}) {
  const book = new FakeSpreadsheet('Asia/Shanghai', opts.locale ?? 'en_US');
  const { globals, ui } = fakeGas(book, { userLocale: opts.locale ?? 'en_US' });
  const ctx = loadProject(globals);
  const calls: { fn: string; args: unknown[] }[] = [];
  const transport = vmTransport(ctx, calls);
  return { book, ctx, ui, calls, transport };
}

async function runAudit(transport: ReturnType<typeof vmTransport>, now: number, lang: 'en' | 'zh' = 'en') {
  const host = createSheetsHost(transport, { lang });
  const c = new PaneController(host, { engine: coreEngine, now });
  const states: PaneState['run'][] = [];
  c.subscribe((s) => states.push(s.run));
  await c.refreshSources();
  expect(c.state.error).toBeUndefined();
  expect(c.state.blocker).toBeUndefined();
  await c.run();
  return { c, states, host };
}

describe('sidebar server functions over a fake spreadsheet', () => {
  it('audits the sample orders with the expected results (dates read in the sheet time zone)', async () => {
    const { book, transport, calls } = setup();
    const { header, rows } = sampleOrders();
    book.addSheet('Orders', [header, ...rows]);
    const exp = expectedAudit();
    const { c } = await runAudit(transport, Date.parse(exp.now));
    expect(c.state.run.status, JSON.stringify(c.state.run)).toBe('done');
    if (c.state.run.status !== 'done') return;
    const sum = c.state.run.summary;
    expect(sum.rowsAudited).toBe(exp.rows);
    expect(sum.rowsAffected).toBe(exp.rowsAffected);
    expect(sum.giftFeesCny).toBeCloseTo(exp.totals.giftFeesCny, 2);
    expect(sum.penaltiesUsd).toBeCloseTo(exp.totals.penaltiesUsd, 2);
    expect(sum.sheets).toEqual(['Findings', 'Summary', 'Weekly']);
    // Count findings per rule from the written Findings sheet.
    const findings = book.getSheetByName('Findings')!.snapshot();
    const ruleCol = findings[0].findIndex((h) => /rule/i.test(String(h)));
    const counts: Record<string, number> = {};
    for (const r of findings.slice(1)) counts[String(r[ruleCol])] = (counts[String(r[ruleCol])] ?? 0) + 1;
    expect(counts).toEqual(exp.counts);
    // Every server result crossed the bridge JSON-safe (vmTransport checks), dates as wall-clock text.
    const read = await transport('aeReadRows', [calls.find((x) => x.fn === 'aeReadRows')!.args[0], 0, 1]);
    const paid = (read as unknown[][])[0][2];
    expect(paid).toBe('2024-06-01 01:38:00');
  });

  it('audits 100,000 rows in chunks with progress; the source is unchanged; a re-run replaces only its own output', async () => {
    const { book, transport, calls } = setup();
    const { header, rows } = bigOrders(100_000);
    const source = book.addSheet('Orders', [header, ...rows]);
    // A user's sheet that happens to be called "Findings": must never be touched.
    const userFindings = book.addSheet('Findings', [['my notes'], ['keep me']]);
    const before = source.snapshot();
    const userBefore = userFindings.snapshot();
    source.activate();

    const t0 = Date.now();
    const first = await runAudit(transport, Date.parse('2024-07-05T00:00:00Z'));
    const ms = Date.now() - t0;
    expect(first.c.state.run.status, JSON.stringify(first.c.state.run)).toBe('done');
    if (first.c.state.run.status !== 'done') return;
    console.log(`100,000-row audit through the Sheets host: ${ms} ms, ${calls.length} server calls`);
    expect(first.c.state.run.summary.rowsAudited).toBe(100_000);

    // Chunked: every read ≤ 5,000 rows, 20 of them, progress rising to the total.
    const reads = calls.filter((x) => x.fn === 'aeReadRows');
    expect(reads.length).toBe(20);
    for (const r of reads) expect(r.args[2] as number).toBeLessThanOrEqual(READ_CHUNK);
    const readProgress = first.states.filter((s): s is Extract<PaneState['run'], { status: 'running' }> => s.status === 'running' && s.phase === 'read');
    expect(readProgress.length).toBeGreaterThanOrEqual(20);
    expect(readProgress.every((s) => s.total === 100_000)).toBe(true);
    for (let i = 1; i < readProgress.length; i++) expect(readProgress[i].done).toBeGreaterThanOrEqual(readProgress[i - 1].done);
    // Writes were chunked too (≤ 20,000 cells per call).
    const writes = calls.filter((x) => x.fn === 'aeWriteRows');
    for (const w of writes) {
      const rowsArg = w.args[2] as unknown[][];
      expect(rowsArg.length * rowsArg[0].length).toBeLessThanOrEqual(20_000);
    }

    // Source untouched: same values, no write of any kind logged against it.
    expect(source.snapshot()).toEqual(before);
    expect(book.writes.filter((w) => w.sheet === 'Orders')).toEqual([]);
    expect(userFindings.snapshot()).toEqual(userBefore);
    expect(book.writes.filter((w) => w.sheet === 'Findings')).toEqual([]);

    // Outputs: the add-in's own, marked sheets; "Findings (2)" because the user owns "Findings".
    expect(first.c.state.run.summary.sheets).toEqual(['Findings (2)', 'Summary', 'Weekly']);
    const out = ['Findings (2)', 'Summary', 'Weekly'].map((n) => book.getSheetByName(n)!);
    expect(out.map(role)).toEqual(['output:Findings', 'output:Summary', 'output:Weekly']);
    const findings = out[0];
    const nFindings = findings.getLastRow() - 1;
    expect(nFindings).toBeGreaterThan(1000);
    expect(findings.frozenRows).toBe(1);
    // Order ids stay text (not numbers), error rows are highlighted, money columns formatted.
    const idCol = findings.cells[0].findIndex((h) => /order/i.test(String(h)));
    expect(typeof findings.cells[1][idCol]).toBe('string');
    expect([...findings.backgrounds.values()].filter((c) => c === '#fde2e1').length).toBeGreaterThan(0);
    expect([...findings.numberFormats.values()]).toContain('#,##0.00');
    // A native column chart on Weekly, from the ChartSpec.
    const weekly = out[2];
    expect(weekly.charts).toHaveLength(1);
    expect(weekly.charts[0].type).toBe('COLUMN');
    expect(weekly.charts[0].numHeaders).toBe(1);
    expect(weekly.charts[0].options.title).toMatch(/Weekly/);

    // Re-run: the same sheets are replaced (same ids), nothing new created, the user's sheets intact.
    findings.getRange(2, 20, 1, 1).setValues([['stale junk beside the table']]);
    const ids = out.map((s) => s.getSheetId());
    const sheetCount = book.getNumSheets();
    const second = await runAudit(transport, Date.parse('2024-07-05T00:00:00Z'));
    expect(second.c.state.run.status).toBe('done');
    expect(book.getNumSheets()).toBe(sheetCount);
    expect(['Findings (2)', 'Summary', 'Weekly'].map((n) => book.getSheetByName(n)!.getSheetId())).toEqual(ids);
    expect(findings.getLastRow() - 1).toBe(nFindings);
    expect(findings.snapshot().flat()).not.toContain('stale junk beside the table');
    expect(weekly.charts).toHaveLength(1);
    expect(source.snapshot()).toEqual(before);
    expect(userFindings.snapshot()).toEqual(userBefore);
  }, 240_000);

  it('never offers its own sheets as sources and never reuses the sheet being audited as output', async () => {
    const { book, ctx, transport } = setup();
    book.addSheet('Orders', [['Order ID', 'Carrier', 'Tracking number'], ['A1', 'DHL', '3318810025']]);
    const out = ctx.aeBeginOutput('Findings', '');
    expect(out).toBe('Findings');
    ctx.aeWriteRows(out, 0, [['Order ID'], ['A1']], []);
    const sources = await createSheetsHost(transport).listSources();
    expect(sources.map((s) => s.label)).toEqual(['Orders (A1:C2)']);
    // Writing to a user sheet is refused with a clear message.
    expect(() => ctx.aeWriteRows('Orders', 0, [['x']], [])).toThrow(/not one of this add-in's output sheets/);
    expect(book.getSheetByName('Orders')!.cells[0][0]).toBe('Order ID');
    // If the marked output sheet is the source being audited, a new sheet is used instead.
    const findingsId = `sheet:${book.getSheetByName('Findings')!.getSheetId()}:1:1:1`;
    expect(ctx.aeBeginOutput('Findings', findingsId)).toBe('Findings (2)');
  });

  it('finds a table that does not start at A1 and reads it JSON-safe', async () => {
    const { book, ctx, transport } = setup();
    const d = new Date(Date.UTC(2024, 5, 1, 9, 30) - SHEET_TZ_OFFSET);
    book.addSheet('Data', [[], ['', '', ''], ['', 'Order ID', 'Paid at'], ['', 'X1', d], ['', 'X2', '']]);
    const [src] = await createSheetsHost(transport).listSources();
    expect(src).toMatchObject({ rows: 2, columns: 2, headerRow: 3, label: 'Data (B3:C5)' });
    expect(ctx.aeReadHeader(src.id)).toEqual(['Order ID', 'Paid at']);
    expect(JSON.parse(JSON.stringify(ctx.aeReadRows(src.id, 0, 10)))).toEqual([
      ['X1', '2024-06-01 09:30:00'],
      ['X2', ''],
    ]);
    expect(ctx.aeReadRows(src.id, 5, 10)).toEqual([]);
    expect(() => ctx.aeReadRows(src.id, 0, 50_000)).toThrow(/At most 10000 rows/);
    expect(() => ctx.aeReadRows('sheet:999:1:1:1', 0, 1)).toThrow(/no longer exists/);
  });

  it('stores text exactly as given (no formula injection, no lost leading zeros) and grows the sheet as needed', () => {
    const { book, ctx } = setup();
    const name = ctx.aeBeginOutput('Findings', '');
    const rows = [['id', 'note'], ['0012', '=HYPERLINK("http://x")'], ['8012345678901234567', 'TRUE'], ['2024-06-01', "'quoted"]];
    ctx.aeWriteRows(name, 0, rows, [1]);
    const sheet = book.getSheetByName(name)!;
    expect(sheet.snapshot()).toEqual(rows);
    expect(sheet.formulas.size).toBe(0);
    // Beyond the default 1000×26 grid.
    const wide = [Array.from({ length: 40 }, (_, i) => `c${i}`)];
    ctx.aeWriteRows(name, 1500, wide, []);
    expect(sheet.cells[1500][39]).toBe('c39');
    expect(sheet.backgrounds.get('2:1')).toBe('#fde2e1');
    expect(sheet.backgrounds.get('3:1')).toBeUndefined();
  });

  it("names the inserted rate card in the pane's language, whatever the user's locale", async () => {
    const { book, transport } = setup();
    const host = createSheetsHost(transport, { lang: 'zh' });
    const c = new PaneController(host, { engine: coreEngine });
    await c.insertRateCard();
    expect(c.state.rateCard).toEqual({ status: 'done', sheet: 'AE 费率卡' });
    expect(book.getSheetByName('AE 费率卡')).toBeTruthy();
  });

  it('inserts the built-in rate card as a new sheet each time; it reads back as a valid card', async () => {
    const { book, ctx, transport } = setup();
    book.addSheet('AE Rate Card', [['mine']]);
    const host = createSheetsHost(transport, { lang: 'en' });
    const c = new PaneController(host, { engine: coreEngine });
    await c.insertRateCard();
    expect(c.state.rateCard).toEqual({ status: 'done', sheet: 'AE Rate Card (2)' });
    await c.insertRateCard();
    expect(c.state.rateCard).toEqual({ status: 'done', sheet: 'AE Rate Card (3)' });
    expect(book.getSheetByName('AE Rate Card')!.snapshot()).toEqual([['mine']]);
    const card = book.getSheetByName('AE Rate Card (2)')!;
    expect(role(card)).toBe('rateCard');
    const values = card.getDataRange().getValues();
    expect(values.find((r) => r[0] === 'card.effective')![1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const parsed = cardFromTable(values);
    expect(isRuleError(parsed), JSON.stringify(parsed)).toBe(false);
    // The rate card sheets it made are not audit sources.
    expect((await host.listSources()).map((s) => s.label)).toEqual(['AE Rate Card (A1:A1)']);
  });

  it('adds a bilingual add-on menu and opens the sidebar with the user language inlined', () => {
    const en = setup();
    en.ctx.onOpen({ authMode: 'NONE' });
    expect(en.ui.menus[0].items).toEqual([
      ['Open audit sidebar', 'aeShowSidebar'],
      ['Insert rate card', 'aeInsertRateCardFromMenu'],
    ]);
    for (const [, fn] of en.ui.menus[0].items) expect(typeof en.ctx[fn]).toBe('function');
    en.ctx.aeShowSidebar();
    expect(en.ui.sidebars[0].html).toContain('<meta name="ae-lang" content="en"');
    expect(en.ui.sidebars[0].title).toBe('AE Seller Rules');
    const zh = setup({ locale: 'zh_CN' });
    zh.ctx.onInstall({});
    expect(zh.ui.menus[0].items.map((i) => i[0])).toEqual(['打开审核侧边栏', '插入费率卡']);
    zh.ctx.aeShowSidebar();
    expect(zh.ui.sidebars[0].html).toContain('content="zh"');
    expect(zh.ui.sidebars[0].html).not.toContain('__AE_LANG__');
    expect(zh.ui.sidebars[0].html).toContain('<meta name="ae-action" content="" />');
    // "Insert rate card" opens a small modeless dialog (an open sidebar stays) that inserts the card
    // (the table is built in the page).
    zh.ctx.aeInsertRateCardFromMenu();
    expect(zh.ui.sidebars).toHaveLength(1);
    expect(zh.ui.dialogs).toEqual([expect.objectContaining({ title: '插入费率卡', modal: false, width: 420, height: 190 })]);
    expect(zh.ui.dialogs[0].html).toContain('<meta name="ae-action" content="rate-card" />');
    expect(zh.ui.dialogs[0].html).toContain('content="zh"');
    expect(zh.book.getSheets()).toHaveLength(0);
  });

  it('scans at most 50 rows and 1,000 columns of each sheet for the sidebar, JSON-safe, the active sheet first', async () => {
    const { book, ctx, transport } = setup();
    const d = new Date(Date.UTC(2024, 5, 1, 9, 30) - SHEET_TZ_OFFSET);
    const wide = Array.from({ length: 1500 }, (_, i) => `c${i}`);
    book.addSheet('Wide', [wide, ...Array.from({ length: 80 }, (_, r) => wide.map((_, c) => (c === 0 ? d : r * c)))]);
    const orders = book.addSheet('Orders', [['Order ID', 'Carrier'], ['A1', 'DHL']]);
    book.addSheet('Empty', []);
    orders.activate();
    const scans = ctx.aeScanSources() as { name: string; lastRow: number; lastColumn: number; rows: unknown[][] }[];
    expect(scans.map((s) => s.name)).toEqual(['Orders', 'Wide']);
    expect(scans[1]).toMatchObject({ lastRow: 81, lastColumn: 1500 });
    expect(scans[1].rows).toHaveLength(50);
    expect(scans[1].rows[1]).toHaveLength(1000);
    expect(scans[1].rows[1][0]).toBe('2024-06-01 09:30:00');
    // The table keeps its whole width (the header found in the scan, the width from the sheet).
    const sources = await createSheetsHost(transport).listSources();
    expect(sources.map((s) => [s.label, s.columns, s.rows])).toEqual([
      ['Orders (A1:B2)', 2, 1],
      ['Wide (A1:BER81)', 1500, 80],
    ]);
  });

  it('reports bad calls with a message in the user language', () => {
    const { ctx } = setup({ locale: 'zh_CN' });
    expect(() => ctx.aeReadRows('nope', 0, 1)).toThrow(/未知的数据源/);
    expect(() => ctx.aeWriteRows('Nope', 0, [['x']], [])).toThrow(/不是本插件的输出工作表/);
  });

  it('finds the header below a title row (findHeaderRow), not the title', async () => {
    const { book, ctx, transport } = setup();
    const { header, rows } = sampleOrders();
    book.addSheet('Export', [['6月订单导出'], header, ...rows.slice(0, 10)]);
    const [src] = await createSheetsHost(transport).listSources();
    expect(src).toMatchObject({ headerRow: 2, rows: 10, columns: header.length });
    expect(ctx.aeReadHeader(src.id)).toEqual(header);
  });

  it('aeNow is the wall clock of the spreadsheet time zone (Asia/Shanghai), not UTC', () => {
    const { ctx } = setup();
    const before = Date.now();
    const n = ctx.aeNow() as number;
    expect(n - SHEET_TZ_OFFSET).toBeGreaterThanOrEqual(before - 1);
    expect(n - SHEET_TZ_OFFSET).toBeLessThanOrEqual(Date.now() + 1);
  });

  it('the pane judges open orders at host.now() and shows it', async () => {
    const { book, transport } = setup();
    const { header, rows } = sampleOrders();
    book.addSheet('Orders', [header, ...rows]);
    const host = createSheetsHost(transport, { lang: 'en' });
    const c = new PaneController(host, { engine: coreEngine }); // no fixed now: the host's
    await c.refreshSources();
    const before = Date.now() + SHEET_TZ_OFFSET;
    await c.run();
    expect(c.state.run.status).toBe('done');
    if (c.state.run.status !== 'done') return;
    expect(c.state.run.summary.asOf).toBeGreaterThanOrEqual(before - 1);
    expect(c.state.run.summary.asOf).toBeLessThanOrEqual(Date.now() + SHEET_TZ_OFFSET + 1);
  });

  it('formats share columns as 0.0% (Weekly D, Summary E) next to money columns', async () => {
    const { book, transport } = setup();
    const { header, rows } = sampleOrders();
    book.addSheet('Orders', [header, ...rows]);
    await runAudit(transport, Date.parse('2024-07-05T00:00:00Z'));
    const weekly = book.getSheetByName('Weekly')!;
    expect(weekly.numberFormats.get('2:4')).toBe('0.0%');
    expect(weekly.numberFormats.get('2:6')).toBe('#,##0.00');
    expect(weekly.numberFormats.get('1:4')).toBeUndefined();
    expect(book.getSheetByName('Summary')!.numberFormats.get('6:5')).toBe('0.0%');
  });

  it('puts secondaryAxisColumns on a second value axis with unit titles', () => {
    const { ctx } = setup();
    const name = ctx.aeBeginOutput('Weekly', '');
    ctx.aeWriteRows(name, 0, [['ISO week', 'Orders', 'Gift fees (CNY)', 'Penalties (USD)'], ['2024-W22', 3, 12.5, 30]], []);
    const spec: ChartSpec = { sheet: name, title: { en: 'Weekly costs', zh: '每周费用' }, kind: 'column', categoryColumn: 0, seriesColumns: [2, 3], secondaryAxisColumns: [3], rows: 1 };
    expect(ctx.aeAddChart(name, spec, 'en')).toBe(true);
    const sheet = ctx.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
    const [chart] = sheet.charts;
    expect(chart.ranges).toEqual(['A1:A2', 'C1:C2', 'D1:D2']);
    expect(chart.options.series).toEqual({ 0: { targetAxisIndex: 0 }, 1: { targetAxisIndex: 1 } });
    expect(chart.options.vAxes).toEqual({ 0: { title: 'Gift fees (CNY)' }, 1: { title: 'Penalties (USD)' } });
    ctx.aeAddChart(name, { ...spec, secondaryAxisColumns: undefined }, 'en');
    expect(sheet.charts[0].options.series).toBeUndefined();
  });

  it('audits with a rate card read from a sheet the user edited; a malformed card stops the run and names its row', async () => {
    const { book, ctx, transport } = setup();
    const { header, rows } = sampleOrders();
    const orders = book.addSheet('Orders', [header, ...rows]);
    orders.activate();
    const host = createSheetsHost(transport, { lang: 'en' });
    const c = new PaneController(host, { engine: coreEngine, now: Date.parse('2024-07-05T00:00:00Z') });
    await c.refreshSources();
    await c.insertRateCard();
    expect(c.state.rateCard).toEqual({ status: 'done', sheet: 'AE Rate Card' });
    const cardSheet = book.getSheetByName('AE Rate Card')!;
    // Offered first as a rate card, never as an audit source; output sheets are not offered.
    expect(c.state.rateSheets[0]).toEqual({ id: String(cardSheet.getSheetId()), name: 'AE Rate Card', rateCard: true });
    expect(c.state.sources.map((x) => x.label)).toEqual([`Orders (A1:${String.fromCharCode(64 + header.length)}${rows.length + 1})`]);
    // The user changes the card's id and the mature-tier gift fee.
    const at = (key: string) => cardSheet.cells.findIndex((r) => r[0] === key);
    cardSheet.getRange(at('card.id') + 1, 2).setValue('my-card');
    await c.selectCard(String(cardSheet.getSheetId()));
    expect(c.state.card).toMatchObject({ status: 'ok', id: 'my-card' });
    await c.run();
    expect(c.state.run.status, JSON.stringify(c.state.run)).toBe('done');
    if (c.state.run.status === 'done') expect(c.state.run.summary.rateCard).toEqual({ source: 'sheet', sheet: 'AE Rate Card', id: 'my-card' });
    expect(book.getSheetByName('Summary')!.snapshot().some((r) => r.includes('my-card'))).toBe(true);
    expect(ctx.aeListSheets().map((x: { name: string }) => x.name)).toEqual(['AE Rate Card', 'Orders']);

    const fee = at('gift.tiers.mature.fee');
    cardSheet.getRange(fee + 1, 2).setValue('abc');
    const writesBefore = book.writes.length;
    await c.run();
    expect(c.state.run.status).toBe('error');
    if (c.state.run.status === 'error') {
      expect(c.state.run.error.en).toMatch(new RegExp(`^Rate card sheet “AE Rate Card”: rate card row ${fee + 1} \\(gift\\.tiers\\.mature\\.fee\\)`));
      expect(c.state.run.error.zh).toContain(`费率卡第 ${fee + 1} 行`);
    }
    expect(book.writes.length).toBe(writesBefore);
  });
});
