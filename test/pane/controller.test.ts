/**
 * The pane's flow (pane/controller.ts) over the in-memory host (pane/memory-host.ts) and the real
 * audit engine: mapping and overrides, skipped rules, chunked reading, cancel, re-runs, and the
 * promise that the source and the user's sheets are never changed.
 */
import { describe, expect, it } from 'vitest';
import { OUTPUT_SHEETS } from '../../core/audit/types';
import { PaneController, describeError, type PaneState } from '../../pane/controller';
import { coreEngine } from '../../pane/engine';
import { MemoryWorkbook, createMemoryHost, type MemoryHostOptions } from '../../pane/memory-host';
import { SAMPLE_NOW, sampleOrders, sampleWorkbook } from '../../pane/demo/sample';
import type { AuditHost } from '../../pane/host';
import { localWallNow } from '../../core/coerce';

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));

async function setup(wb: MemoryWorkbook, opts: MemoryHostOptions & { chunkSize?: number } = {}) {
  const host = createMemoryHost(wb, opts);
  const ctl = new PaneController(host, { engine: coreEngine, now: SAMPLE_NOW, chunkSize: opts.chunkSize ?? 50 });
  await ctl.refreshSources();
  return { host, ctl };
}

function ordersBook(rows = 120): MemoryWorkbook {
  return new MemoryWorkbook({ sheets: { Orders: sampleOrders(rows) } });
}

const done = (s: PaneState) => {
  if (s.run.status !== 'done') throw new Error(`run ended as ${JSON.stringify(s.run)}`);
  return s.run.summary;
};

describe('pane controller: sources and mapping', () => {
  it('lists the sources (active sheet first, tables before their sheet) and detects the Chinese headers', async () => {
    const { ctl } = await setup(sampleWorkbook(60));
    expect(ctl.state.sources.map((s) => s.id)).toEqual(['sheet:订单 Orders', 'table:GiftOrders']);
    expect(ctl.state.sources[1]).toMatchObject({ rows: 40, headerRow: 3 });
    expect(ctl.state.sourceId).toBe('sheet:订单 Orders');
    const m = ctl.state.mapping!;
    expect(m.mapping).toMatchObject({ orderId: 0, destination: 1, paidAt: 2, trackingNumber: 5, giftStatus: 20 });
    expect(m.unmatched.map((u) => u.header)).toEqual(['备注']);
    expect(ctl.state.blocker).toBeUndefined();
  });

  it('a user override changes the mapping, and unmapping skips the rules that need the column', async () => {
    const wb = ordersBook(80);
    const { ctl } = await setup(wb);
    expect(ctl.state.mapping!.skippedRules.map((s) => s.rule)).not.toContain('X-FORMAT');
    ctl.setMapping('trackingNumber', null);
    expect(ctl.state.mapping!.mapping.trackingNumber).toBeUndefined();
    const skipped = ctl.state.mapping!.skippedRules.find((s) => s.rule === 'X-FORMAT');
    expect(skipped?.missing).toContain('trackingNumber');
    await ctl.run();
    done(ctl.state);
    const findings = wb.values('Findings')!;
    const rule = findings[0].indexOf('Rule');
    expect(findings.slice(1).some((r) => r[rule] === 'X-FORMAT')).toBe(false);
    // With the column mapped, the malformed sample numbers are found.
    ctl.resetMapping();
    await ctl.run();
    expect(wb.values('Findings')!.slice(1).some((r) => r[rule] === 'X-FORMAT')).toBe(true);
  });

  it('moving a column to another field frees it from the first (one column, one field)', async () => {
    const { ctl } = await setup(ordersBook(10));
    ctl.setMapping('taxId', 0); // user says column A is the tax id
    const m = ctl.state.mapping!.mapping;
    expect(m.taxId).toBe(0);
    expect(m.orderId).toBeUndefined();
    expect(ctl.state.blocker?.en).toMatch(/Map the required column “Order ID”/);
    expect(ctl.state.blocker?.zh).toMatch(/订单号/);
    ctl.setMapping('orderId', 0);
    expect(ctl.state.mapping!.mapping.orderId).toBe(0);
    expect(ctl.state.overrides.taxId).toBeUndefined();
    expect(ctl.state.blocker).toBeUndefined();
    ctl.resetMapping();
    expect(ctl.state.overrides).toEqual({});
    expect(ctl.state.mapping!.mapping.taxId).toBe(14);
  });

  it('a missing required column blocks Run with one clear bilingual message, and nothing is written', async () => {
    const wb = new MemoryWorkbook({ sheets: { Sheet1: [['Country', 'Carrier', 'Tracking'], ['US', 'DHL', '1234567890']] } });
    const { ctl } = await setup(wb);
    expect(ctl.state.mapping!.missingRequired).toEqual(['orderId']);
    expect(ctl.state.blocker?.en).toBe('Map the required column “Order ID” to run the audit.');
    expect(ctl.state.blocker?.zh).toBe('请先对应必填列 “订单号”，才能运行审核。');
    await ctl.run();
    expect(ctl.state.run.status).toBe('idle');
    expect(wb.sheetNames()).toEqual(['Sheet1']);
  });

  it('a tracking-only sheet runs, with the gift rules listed as skipped', async () => {
    const wb = new MemoryWorkbook({
      sheets: { Track: [['订单号', '物流商', '运单号'], ['A1', 'DHL', '1234567890'], ['A2', 'DHL', '12345 67890'], ['A3', 'DHL', '']] },
    });
    const { ctl } = await setup(wb);
    const skipped = ctl.state.mapping!.skippedRules.map((s) => s.rule);
    expect(skipped).toEqual(expect.arrayContaining(['G-FEE', 'G-OVERWEIGHT', 'X-UPLOAD']));
    expect(skipped).not.toContain('X-FORMAT');
    await ctl.run();
    const s = done(ctl.state);
    expect(s.rowsAudited).toBe(3);
    expect(s.bySeverity.error).toBeGreaterThanOrEqual(1);
    expect(wb.sheetNames()).toEqual(['Track', 'Findings', 'Summary', 'Weekly']);
  });

  it('an empty workbook says so instead of failing', async () => {
    const { ctl } = await setup(new MemoryWorkbook({ sheets: { Sheet1: [] } }));
    expect(ctl.state.sources).toEqual([]);
    expect(ctl.state.blocker?.en).toMatch(/No data found/);
    await ctl.run();
    expect(ctl.state.run.status).toBe('idle');
  });
});

describe('pane controller: running the audit', () => {
  it('reads in chunks, writes Findings / Summary / Weekly with highlights and money columns, adds the chart', async () => {
    const wb = ordersBook(230);
    const calls: [number, number][] = [];
    const { ctl } = await setup(wb, {
      chunkSize: 100,
      intercept: (m, args) => {
        if (m === 'readRows') calls.push([args[1] as number, args[2] as number]);
      },
    });
    const phases = new Set<string>();
    ctl.subscribe((s) => {
      if (s.run.status === 'running') phases.add(s.run.phase);
    });
    await ctl.run();
    const s = done(ctl.state);
    expect(calls).toEqual([[0, 100], [100, 100], [200, 30]]);
    expect([...phases]).toEqual(['prepare', 'read', 'audit', 'write']);
    expect(s.rowsAudited).toBe(230);
    expect(s.sheets).toEqual(['Findings', 'Summary', 'Weekly']);
    expect(s.bySeverity.error + s.bySeverity.warning + s.bySeverity.info).toBe(wb.values('Findings')!.length - 1);
    expect(s.penaltiesUsd).toBeGreaterThan(0);
    expect(s.giftFeesCny).toBeGreaterThan(0);

    const findings = wb.values('Findings')!;
    const sheet = wb.getSheet('Findings')!;
    expect(sheet.kind).toBe('output');
    // Highlighted rows are exactly the error rows of the Findings table.
    const severity = findings[0].indexOf('Severity');
    const errorRows = findings.map((r, i) => (i > 0 && r[severity] === 'error' ? i : -1)).filter((i) => i > 0);
    expect(errorRows.length).toBeGreaterThan(0);
    expect(sheet.format!.highlightRows).toEqual(errorRows);
    expect(sheet.format!.moneyColumns.map((c) => findings[0][c])).toEqual(['Cost (CNY)', 'Cost (USD)']);
    expect(wb.charts).toHaveLength(1);
    expect(wb.charts[0]).toMatchObject({ sheet: 'Weekly', kind: 'column' });
  });

  it('leaves the source exactly as it was', async () => {
    const wb = sampleWorkbook(150);
    const before = copy(wb.values('订单 Orders'));
    const gifts = copy(wb.values('Gifts'));
    const { ctl } = await setup(wb);
    await ctl.run();
    done(ctl.state);
    await ctl.selectSource('table:GiftOrders');
    await ctl.run();
    done(ctl.state);
    expect(wb.values('订单 Orders')).toEqual(before);
    expect(wb.values('Gifts')).toEqual(gifts);
  });

  it('cancel stops between chunks and writes nothing', async () => {
    const wb = ordersBook(500);
    let reads = 0;
    let ctl!: PaneController;
    ({ ctl } = await setup(wb, {
      chunkSize: 100,
      intercept: (m) => {
        if (m === 'readRows' && ++reads === 2) ctl.cancel();
      },
    }));
    const states: string[] = [];
    ctl.subscribe((s) => states.push(s.run.status));
    await ctl.run();
    expect(ctl.state.run.status).toBe('cancelled');
    expect(reads).toBe(2);
    expect(wb.sheetNames()).toEqual(['Orders']);
    expect(wb.charts).toEqual([]);
    // A later run works normally.
    await ctl.run();
    expect(done(ctl.state).rowsAudited).toBe(500);
  });

  it('cancel is refused once writing has started (no half-written output)', async () => {
    const wb = ordersBook(40);
    let ctl!: PaneController;
    ({ ctl } = await setup(wb, {
      intercept: (m) => {
        if (m === 'writeSheet') ctl.cancel();
      },
    }));
    await ctl.run();
    expect(done(ctl.state).sheets).toEqual(['Findings', 'Summary', 'Weekly']);
  });

  it('a re-run replaces its previous output (same sheets, new contents)', async () => {
    const wb = ordersBook(100);
    const { ctl } = await setup(wb);
    await ctl.run();
    const first = copy(wb.values('Findings'));
    wb.values('Orders')!.splice(51); // the user deletes half the orders
    await ctl.refreshSources();
    expect(ctl.state.sources[0].rows).toBe(50);
    await ctl.run();
    expect(done(ctl.state).rowsAudited).toBe(50);
    expect(wb.sheetNames()).toEqual(['Orders', 'Findings', 'Summary', 'Weekly']);
    expect(wb.values('Findings')!.length).toBeLessThan(first!.length);
    expect(wb.charts).toHaveLength(1);
  });

  it("never overwrites a user's sheet called Findings: output goes to Findings (2), reused on the next run", async () => {
    const wb = ordersBook(60);
    wb.addSheet('Findings', [['my own notes'], ['do not touch']]);
    wb.addSheet('weekly', [['mine too']]);
    wb.activeSheet = 'Orders';
    const mine = copy(wb.values('Findings'));
    const { ctl } = await setup(wb);
    expect(ctl.state.sources.map((s) => s.id)).toEqual(['sheet:Orders', 'sheet:Findings']);
    await ctl.run();
    expect(done(ctl.state).sheets).toEqual(['Findings (2)', 'Summary', 'Weekly (2)']);
    expect(wb.values('Findings')).toEqual(mine);
    expect(wb.values('weekly')).toEqual([['mine too']]);
    expect(wb.charts.map((c) => c.sheet)).toEqual(['Weekly (2)']);
    await ctl.run();
    expect(done(ctl.state).sheets).toEqual(['Findings (2)', 'Summary', 'Weekly (2)']);
    expect(wb.sheetNames()).toEqual(['Orders', 'Findings', 'weekly', 'Findings (2)', 'Summary', 'Weekly (2)']);
    expect(wb.values('Findings')).toEqual(mine);
  });

  it('a header changed since it was read stops the run before anything is written', async () => {
    const wb = ordersBook(30);
    const { ctl } = await setup(wb);
    wb.values('Orders')![0][0] = 'Something else';
    await ctl.run();
    expect(ctl.state.run.status).toBe('error');
    expect(ctl.state.run.status === 'error' && ctl.state.run.error.en).toMatch(/header changed/);
    expect(ctl.state.mapping!.missingRequired).toEqual(['orderId']);
    expect(wb.sheetNames()).toEqual(['Orders']);
  });

  it('host failures become readable bilingual messages, never a crash', async () => {
    const wb = ordersBook(30);
    const { ctl } = await setup(wb, {
      intercept: (m) => {
        if (m === 'readRows') throw new Error('RichApi.Error: The request payload size has exceeded the limit.\n    at foo (x.js:1:1)');
      },
    });
    await ctl.run();
    const r = ctl.state.run;
    expect(r.status).toBe('error');
    if (r.status !== 'error') return;
    expect(r.error.en).toBe('Could not read the data: RichApi.Error: The request payload size has exceeded the limit.');
    expect(r.error.zh).toBe('无法读取数据：RichApi.Error: The request payload size has exceeded the limit.');
    expect(wb.sheetNames()).toEqual(['Orders']);

    const w = await setup(ordersBook(30), {
      intercept: (m) => {
        if (m === 'addChart') throw { message: 'Charts are not supported here', code: 'ApiNotFound' };
      },
    });
    await w.ctl.run();
    const s = done(w.ctl.state);
    expect(s.chartError?.en).toBe('The chart could not be added: Charts are not supported here (ApiNotFound)');
  });

  it('a failing listSources is shown, not thrown', async () => {
    const wb = ordersBook(5);
    const { ctl } = await setup(wb, {
      intercept: (m) => {
        if (m === 'listSources') throw 'script.run failed: Authorisation is required';
      },
    });
    expect(ctl.state.error?.en).toBe('Could not list the tables and ranges: script.run failed: Authorisation is required');
    expect(ctl.state.error?.zh).toMatch(/^无法列出表格和区域：/);
  });
});

describe('pane controller: rate card and language', () => {
  it('inserts the rate card in the pane language, always as a new sheet', async () => {
    const wb = ordersBook(5);
    const { ctl } = await setup(wb, { lang: 'zh' });
    expect(ctl.state.lang).toBe('zh');
    await ctl.insertRateCard();
    // The sheet is named in the pane's language too [issue 11].
    expect(ctl.state.rateCard).toEqual({ status: 'done', sheet: 'AE 费率卡' });
    expect(wb.values('AE 费率卡')![0]).toEqual(['键', '值', '说明']);
    ctl.setLang('en');
    await ctl.insertRateCard();
    expect(ctl.state.rateCard).toEqual({ status: 'done', sheet: 'AE Rate Card' });
    expect(wb.values('AE Rate Card')![0]).toEqual(['key', 'value', 'note']);
    await ctl.insertRateCard();
    expect(ctl.state.rateCard).toEqual({ status: 'done', sheet: 'AE Rate Card (2)' });
    // Rate cards are not offered as audit sources.
    await ctl.refreshSources();
    expect(ctl.state.sources.map((s) => s.id)).toEqual(['sheet:Orders']);
  });

  it('writes the report in the language chosen when Run is pressed', async () => {
    const wb = ordersBook(20);
    const { ctl } = await setup(wb);
    ctl.setLang('zh');
    await ctl.run();
    // Chinese headers and Chinese sheet names [issue 11].
    expect(done(ctl.state).sheets).toEqual(['审核结果', '汇总', '每周费用']);
    expect(wb.values('审核结果')![0]).toContain('规则');
    expect(wb.charts.map((c) => c.sheet)).toEqual(['每周费用']);
    // The host speaks English (lang 'en'), the report is Chinese: the chart says so, for its title.
    expect(wb.charts[0].lang).toBe('zh');
    expect(wb.charts[0].title.zh).toBe('每周费用：礼物费用（人民币）与罚款（美元）');
    expect(wb.charts[0].titleText).toBe('每周费用：礼物费用（人民币）与罚款（美元）');
  });
});

describe('pane controller: now, rate card from a sheet, result details', () => {
  it('judges open orders at host.now() (wall clock), else the local wall clock, and reports it', async () => {
    const wb = ordersBook(20);
    const host = createMemoryHost(wb, { now: SAMPLE_NOW });
    const ctl = new PaneController(host, { engine: coreEngine });
    await ctl.refreshSources();
    await ctl.run();
    expect(done(ctl.state).asOf).toBe(SAMPLE_NOW);
    const summary = wb.values('Summary')!;
    const asOfRow = summary.find((r) => /judged as of/i.test(String(r[0])))!;
    expect(asOfRow[1]).toBe(new Date(SAMPLE_NOW).toISOString().slice(0, 16).replace('T', ' '));

    // A host without now(): the browser's local wall clock, not Date.now() (which is UTC).
    const plain = new PaneController(createMemoryHost(ordersBook(5)), { engine: coreEngine });
    await plain.refreshSources();
    const before = localWallNow();
    await plain.run();
    expect(done(plain.state).asOf).toBeGreaterThanOrEqual(before);
    expect(done(plain.state).asOf).toBeLessThanOrEqual(localWallNow());

    // A failing host.now() falls back to the local clock instead of failing the run.
    const broken = createMemoryHost(ordersBook(5), { now: () => { throw new Error('no clock'); } });
    const b = new PaneController(broken, { engine: coreEngine });
    await b.refreshSources();
    await b.run();
    expect(done(b.state).asOf).toBeGreaterThanOrEqual(before);
  });

  it('passes percent columns for the share columns', async () => {
    const wb = ordersBook(40);
    const { ctl } = await setup(wb);
    await ctl.run();
    done(ctl.state);
    expect(wb.getSheet('Weekly')!.format!.percentColumns.map((c) => wb.values('Weekly')![0][c])).toEqual(['Share affected']);
    expect(wb.getSheet('Summary')!.format!.percentColumns).toEqual([4]);
  });

  it('result: engine notes and the rules skipped for missing columns', async () => {
    const wb = new MemoryWorkbook({
      sheets: { Track: [['订单号', '物流商', '运单号', '付款时间'], ['A1', 'DHL', '1234567890', '2019-01-05'], ['A2', 'DHL', '12345 67890', '2024-06-01']] },
    });
    const { ctl } = await setup(wb);
    await ctl.run();
    const s = done(ctl.state);
    expect(s.skippedRules.map((k) => k.rule)).toEqual(expect.arrayContaining(['G-FEE', 'X-UPLOAD']));
    expect(s.skippedRules.find((k) => k.rule === 'X-UPLOAD')!.missing).toContain('uploadedAt');
    expect(s.notes.map((n) => n.en).join(' ')).toMatch(/rate card/i); // the 2019 order predates the first card
    expect(s.rateCard).toEqual({ source: 'builtin', ids: ['2024-standard'] });
  });

  it('audits with a card from a sheet; a malformed card names its sheet row, and nothing is run or written', async () => {
    const wb = ordersBook(60);
    const { ctl } = await setup(wb);
    expect(ctl.state.rateSheets.map((s) => s.name)).toEqual(['Orders']);
    await ctl.insertRateCard();
    expect(ctl.state.rateSheets[0]).toEqual({ id: 'AE Rate Card', name: 'AE Rate Card', rateCard: true });
    const card = wb.values('AE Rate Card')!;
    const row = (key: string) => card.findIndex((r) => r[0] === key);
    card[row('card.id')][1] = 'edited';
    await ctl.selectCard('AE Rate Card');
    expect(ctl.state.card).toMatchObject({ status: 'ok', id: 'edited' });
    await ctl.run();
    expect(done(ctl.state).rateCard).toEqual({ source: 'sheet', sheet: 'AE Rate Card', id: 'edited' });

    // A copy of the card pasted lower on a user's sheet, under a title: rows are still sheet rows.
    wb.addSheet('My card', [['My rates, June'], [], ...copy(card)]);
    card[row('gift.tiers.mature.fee')][1] = 'abc';
    const mine = wb.values('My card')!;
    mine[2 + row('gift.tiers.mature.fee')][1] = -5;
    await ctl.refreshSources();
    await ctl.selectCard('My card');
    expect(ctl.state.card.status).toBe('error');
    const sheetsBefore = copy(wb.values('Findings'));
    await ctl.run();
    expect(ctl.state.run.status).toBe('error');
    const err = ctl.state.run.status === 'error' ? ctl.state.run.error : undefined;
    expect(err?.en).toMatch(/^Rate card sheet “My card”: /);
    expect(err?.en).toContain(`row ${3 + row('gift.tiers.mature.fee')}`);
    expect(err?.zh).toMatch(/^费率卡工作表“My card”：/);
    expect(wb.values('Findings')).toEqual(sheetsBefore);

    await ctl.selectCard('AE Rate Card');
    expect(ctl.state.card.status === 'error' && ctl.state.card.error.en).toMatch(/rate card row \d+ \(gift\.tiers\.mature\.fee\)/);
    // Back to the built-in card: runs again.
    await ctl.selectCard(undefined);
    await ctl.run();
    expect(done(ctl.state).rateCard.source).toBe('builtin');
  });
});

describe('describeError', () => {
  it('keeps bilingual errors, strips stacks, and never returns an empty message', () => {
    expect(describeError({ en: 'a', zh: '甲' })).toEqual(expect.objectContaining({ en: 'a', zh: '甲' }));
    expect(describeError(new Error('boom\n  at x')).en).toBe('boom');
    expect(describeError(undefined).en).toBe('Unknown error');
    expect(describeError(undefined).zh).toBe('未知错误');
    expect(describeError({ foo: 1 }).en).toBe('{"foo":1}');
  });

  it('the memory host is a complete AuditHost', () => {
    const host: AuditHost = createMemoryHost(new MemoryWorkbook());
    expect(host.lang()).toBe('en');
    expect(OUTPUT_SHEETS.findings).toBe('Findings');
  });
});
