/**
 * ExcelAuditHost over an in-memory workbook whose Excel objects are office-addin-mock
 * OfficeMockObjects (test/excel/fake-excel.ts): a property read without load()+sync() gives the
 * mock's error string, so a missing load/sync shows up as wrong data. The fake rejects any request
 * or response over 5 MB with Excel on the web's error code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { createExcel, FakeWorkbook, LIMIT_BYTES, typedInput, type Cell, type MakeProxy } from './fake-excel';
import { ExcelAuditHost, HIGHLIGHT_MAX_AREAS, HIGHLIGHT_MAX_CHARS, OUTPUT_SETTING, PAYLOAD_LIMIT_BYTES, RATE_CARD_SETTING, spans, toCell } from '../../addin-excel/host';
import { localWallNow } from '../../core/coerce';
import type { ChartSpec } from '../../core/audit/types';
import { PaneController, type AuditEngine } from '../../pane/controller';
import { coreEngine } from '../../pane/engine';
import { OUTPUT_SHEETS } from '../../core/audit/types';
import { decodeText, parseCsv } from '../../cli/read';

const mockProxy: MakeProxy = (seed) => new OfficeMockObject(seed) as never;

const ORDERS = parseCsv(decodeText(readFileSync(path.resolve('examples/orders.csv'))));
const HEADER = ORDERS[0];
const BODY = ORDERS.slice(1).filter((r) => r.length === HEADER.length);

/** n order rows built from the example export; numbers as numbers, order ids unique. */
function orderRows(n: number): Cell[][] {
  const out: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    const src = BODY[i % BODY.length];
    out.push(src.map((v, c) => (c === 0 ? `${v}-${Math.floor(i / BODY.length)}` : v !== '' && /^-?\d+(\.\d+)?$/.test(v) && v.length < 12 ? Number(v) : v)));
  }
  return out;
}

function setup(rows: number, proxy: MakeProxy = mockProxy) {
  const wb = new FakeWorkbook();
  const orders = wb.addSheet('Orders', [HEADER, ...orderRows(rows)]);
  const excel = createExcel(wb, proxy);
  const payloads: { kind: string; bytes: number; rows: number }[] = [];
  const host = new ExcelAuditHost({ run: excel.run as never, onPayload: (kind, bytes, n) => payloads.push({ kind, bytes, rows: n }) });
  vi.stubGlobal('Office', new OfficeMockObject({ context: { displayLanguage: 'en-US' } }));
  return { wb, orders, excel, host, payloads };
}

const snapshot = (s: { cells: Cell[][] }) => JSON.stringify(s.cells);

async function runAudit(host: ExcelAuditHost, sourceId: string) {
  const c = new PaneController(host, { engine: coreEngine, now: Date.UTC(2024, 7, 1), chunkSize: 5000 });
  await c.refreshSources();
  await c.selectSource(sourceId);
  expect(c.state.blocker, JSON.stringify(c.state.blocker)).toBeUndefined();
  await c.run();
  if (c.state.run.status !== 'done') throw new Error(`run ended ${JSON.stringify(c.state.run)}`);
  return c.state.run.summary;
}

describe('ExcelAuditHost helpers', () => {
  it('quote-prefixes every string (Excel would parse it), keeps numbers, booleans, blanks; dates as serials', () => {
    expect(toCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(toCell('+86 123')).toBe(`'+86 123`);
    expect(toCell('8012345678901234567')).toBe(`'8012345678901234567`);
    expect(toCell('0012')).toBe(`'0012`);
    expect(toCell('plain text')).toBe(`'plain text`);
    expect(toCell('')).toBe('');
    expect(toCell(3.2)).toBe(3.2);
    expect(toCell(null)).toBe('');
    expect(toCell(Number.NaN)).toBe('');
    expect(toCell(false)).toBe(false);
    expect(toCell(new Date(Date.UTC(2024, 5, 1, 12)))).toBe(45444.5);
  });

  it('the fake parses written text like Excel does (so the tests below would catch an unprefixed string)', () => {
    expect(typedInput('8012345678901234567').value).toBe(8012345678901230000);
    expect(typedInput('0012').value).toBe(12);
    expect(typedInput('12%').value).toBe(0.12);
    expect(typedInput('TRUE').value).toBe(true);
    expect(typedInput('2024-06-01').value).toBe(45444);
    expect(typedInput('=1+1')).toEqual({ value: '', formula: '=1+1' });
    expect(typedInput('+86 123').formula).toBe('=+86 123');
    expect(typedInput("'0012").value).toBe('0012');
    expect(typedInput('DHL').value).toBe('DHL');
  });
  it('merges bad rows into spans', () => {
    expect(spans([9, 2, 3, 4, 4, 0, -1])).toEqual([
      [2, 4],
      [9, 9],
    ]);
  });
});

describe('ExcelAuditHost on a 100,000-row workbook (office-addin-mock)', () => {
  let env: ReturnType<typeof setup>;
  let before: string;
  beforeAll(() => {
    env = setup(100_000);
    before = snapshot(env.orders);
  });

  it('lists the used range with its size and header row', async () => {
    const sources = await env.host.listSources();
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ rows: 100_000, columns: HEADER.length, headerRow: 1 });
    expect(sources[0].label).toContain('Orders');
  });

  it('reads every row in chunks under 5 MB, one sync per chunk, in order', async () => {
    const [src] = await env.host.listSources();
    expect(await env.host.readHeader(src.id)).toEqual(HEADER);
    env.payloads.length = 0;
    env.wb.syncs.length = 0;
    const rows = await env.host.readRows(src.id, 0, 100_000);
    expect(rows).toHaveLength(100_000);
    expect(rows[0][0]).toBe(`${BODY[0][0]}-0`);
    expect(rows[99_999][0]).toBe(`${BODY[99_999 % BODY.length][0]}-${Math.floor(99_999 / BODY.length)}`);
    const reads = env.payloads.filter((p) => p.kind === 'read');
    expect(reads.length).toBeGreaterThan(5); // really chunked (the whole range is > 5 MB)
    expect(reads.reduce((n, p) => n + p.rows, 0)).toBe(100_000);
    for (const p of reads) expect(p.bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(Math.max(...env.wb.syncs.map((s) => s.responseBytes))).toBeLessThan(LIMIT_BYTES);
    expect(env.wb.syncs.filter((s) => s.rejected)).toEqual([]);
    expect(env.wb.syncs.length).toBe(reads.length);
  });

  it('a full audit writes Findings/Summary/Weekly in chunks under 5 MB and leaves the source byte-for-byte unchanged', async () => {
    env.wb.syncs.length = 0;
    env.payloads.length = 0;
    const summary = await runAudit(env.host, `sheet:${env.orders.id}`);
    expect(summary.rowsAudited).toBe(100_000);
    expect(summary.sheets).toEqual([OUTPUT_SHEETS.findings, OUTPUT_SHEETS.summary, OUTPUT_SHEETS.weekly]);
    expect(snapshot(env.orders)).toBe(before);
    expect(env.wb.syncs.filter((s) => s.rejected)).toEqual([]);
    for (const s of env.wb.syncs) {
      expect(s.requestBytes).toBeLessThan(LIMIT_BYTES);
      expect(s.responseBytes).toBeLessThan(LIMIT_BYTES);
    }
    const writes = env.payloads.filter((p) => p.kind === 'write');
    for (const p of writes) expect(p.bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);

    const findings = env.wb.sheet(OUTPUT_SHEETS.findings)!;
    expect(findings.cells.length - 1).toBe(summary.bySeverity.error + summary.bySeverity.warning + summary.bySeverity.info);
    expect(findings.cells.length).toBeGreaterThan(1000);
    expect(writes.filter((p) => p.rows > 0).length).toBeGreaterThan(3); // the findings table is written in several chunks
    expect(findings.boldRows.has(0)).toBe(true);
    expect(findings.frozenRows).toBe(1);
    // Error rows are filled; money columns formatted.
    expect([...findings.fills.keys()].filter((r) => r > 0).length).toBe(summary.bySeverity.error);
    expect([...findings.formats.values()]).toContain('#,##0.00');
    const weekly = env.wb.sheet(OUTPUT_SHEETS.weekly)!;
    expect(weekly.charts).toHaveLength(1);
    expect(weekly.charts[0].title.text).toBeTruthy();
    expect(weekly.charts[0].series.length).toBeGreaterThanOrEqual(1);
    // The registry names exactly the three output sheets.
    const reg = JSON.parse(env.wb.settings.get(OUTPUT_SETTING)!);
    expect(Object.keys(reg).sort()).toEqual(Object.values(OUTPUT_SHEETS).sort());
  });

  it('a re-run replaces the previous output sheets (no duplicates, no stale rows or charts)', async () => {
    const ids = env.wb.sheets.map((s) => s.id);
    // Stale content the re-run must remove.
    const f = env.wb.sheet(OUTPUT_SHEETS.findings)!;
    f.cells[200_000] = ['stale'];
    await runAudit(env.host, `sheet:${env.orders.id}`);
    expect(env.wb.sheets.map((s) => s.id)).toEqual(ids);
    expect(env.wb.sheets.map((s) => s.name)).toEqual(['Orders', OUTPUT_SHEETS.findings, OUTPUT_SHEETS.summary, OUTPUT_SHEETS.weekly]);
    expect(env.wb.sheet(OUTPUT_SHEETS.findings)!.cells[200_000]).toBeUndefined();
    expect(env.wb.sheet(OUTPUT_SHEETS.weekly)!.charts).toHaveLength(1);
    expect(snapshot(env.orders)).toBe(before);
  }, 120_000);
});

describe('ExcelAuditHost never overwrites a user sheet', () => {
  it('a user sheet named "Findings" is left alone; the output goes to "Findings (2)", and stays there on re-run', async () => {
    const env = setup(2000);
    const mine: Cell[][] = [['my notes'], ['do not touch', 42]];
    const user = env.wb.addSheet('Findings', mine);
    const userBefore = snapshot(user);
    const ordersBefore = snapshot(env.orders);
    const s1 = await runAudit(env.host, `sheet:${env.orders.id}`);
    expect(s1.sheets[0]).toBe('Findings (2)');
    expect(snapshot(user)).toBe(userBefore);
    expect(env.wb.sheet('Findings (2)')!.cells[0]).toContain('Rule');
    // The user's sheet is a source (it is theirs), the add-in's sheets are not.
    const ids = (await env.host.listSources()).map((s) => s.id);
    expect(ids).toContain(`sheet:${user.id}`);
    expect(ids).not.toContain(`sheet:${env.wb.sheet('Findings (2)')!.id}`);
    // Re-run: same sheets, user sheet still untouched.
    const count = env.wb.sheets.length;
    const s2 = await runAudit(env.host, `sheet:${env.orders.id}`);
    expect(s2.sheets[0]).toBe('Findings (2)');
    expect(env.wb.sheets.length).toBe(count);
    expect(snapshot(user)).toBe(userBefore);
    expect(snapshot(env.orders)).toBe(ordersBefore);
    // Renamed by the user: still the add-in's sheet, replaced under its new name.
    env.wb.sheet('Findings (2)')!.name = 'Old findings';
    const s3 = await runAudit(env.host, `sheet:${env.orders.id}`);
    expect(s3.sheets[0]).toBe('Old findings');
    expect(snapshot(user)).toBe(userBefore);
  });

  it('inserts the rate card as a new sheet, never over an existing one', async () => {
    const env = setup(10);
    env.wb.addSheet('AE Rate Card', [['mine']]);
    const c = new PaneController(env.host, { engine: coreEngine });
    await c.insertRateCard();
    expect(c.state.rateCard).toMatchObject({ status: 'done', sheet: 'AE Rate Card (2)' });
    expect(env.wb.sheet('AE Rate Card')!.cells).toEqual([['mine']]);
    const card = env.wb.sheet('AE Rate Card (2)')!;
    expect(card.cells.length).toBeGreaterThan(10);
    expect(env.wb.activeId).toBe(card.id);
  });

  it('tables are sources too, read from their own range', async () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet('Data', [['title row'], [], ...[HEADER, ...orderRows(50)].map((r) => ['', ...r])]);
    wb.addTable('Orders', s, 2, 1, 51, HEADER.length);
    const excel = createExcel(wb, mockProxy);
    const host = new ExcelAuditHost({ run: excel.run as never });
    const sources = await host.listSources();
    expect(sources[0]).toMatchObject({ id: 'table:Orders', rows: 50, headerRow: 3 });
    expect(await host.readHeader('table:Orders')).toEqual(HEADER);
    const rows = await host.readRows('table:Orders', 10, 5);
    expect(rows).toHaveLength(5);
    expect(rows[0][0]).toBe(`${BODY[10][0]}-0`);
  });

  it('halves a chunk and retries when Excel reports a payload-size error', async () => {
    const env = setup(3000);
    // An Excel whose limit is below the host's chunk target: the first request is rejected, the host
    // halves the chunk and carries on.
    env.wb.limitBytes = 1_000_000;
    const host = env.host;
    const [src] = await host.listSources();
    const big: Cell[][] = Array.from({ length: 3000 }, (_, i) => [`row ${i}`, 'x'.repeat(4000)]);
    await host.writeSheet('Big', big);
    expect(env.wb.syncs.some((s) => s.rejected)).toBe(true);
    expect(env.wb.sheet('Big')!.cells.length).toBe(3000);
    expect(env.wb.sheet('Big')!.cells[2999][0]).toBe('row 2999');
    expect((await host.readRows(src.id, 0, 3000)).length).toBe(3000);
  });
});

describe('ExcelAuditHost: text stays text, formats, chart axes, now', () => {
  it('order ids, leading zeros, dates, booleans and formulas written to an output sheet read back exactly as given', async () => {
    const env = setup(5);
    const table: Cell[][] = [
      ['Order ID', 'Note'],
      ['8012345678901234567', '=HYPERLINK("http://x")'],
      ['0012', 'TRUE'],
      ['2024-06-01', '-5 days'],
      ['12%', '@mention'],
    ];
    const name = await env.host.writeSheet('Findings', table);
    const out = env.wb.sheet(name)!;
    expect(out.cells).toEqual(table);
    expect(out.formulas.size).toBe(0);
  });

  it('formats share columns as 0.0% and money as #,##0.00 (Weekly and Summary)', async () => {
    const env = setup(300);
    await runAudit(env.host, `sheet:${env.orders.id}`);
    const weekly = env.wb.sheet(OUTPUT_SHEETS.weekly)!;
    expect(weekly.formats.get('1,3')).toBe('0.0%');
    expect(weekly.formats.get('1,5')).toBe('#,##0.00');
    expect(weekly.formats.get('0,3')).toBe('General'); // the header stays General
    expect(typeof weekly.cells[1][3]).toBe('number');
    const summary = env.wb.sheet(OUTPUT_SHEETS.summary)!;
    expect(summary.formats.get('5,4')).toBe('0.0%');
  });

  it('plots secondaryAxisColumns on a secondary value axis, with unit titles on both axes', async () => {
    const env = setup(5);
    await env.host.writeSheet('Weekly', [
      ['ISO week', 'Orders', 'Gift fees (CNY)', 'Penalties (USD)'],
      ['2024-W22', 3, 12.5, 30],
      ['2024-W23', 4, 8, 0],
    ]);
    const spec: ChartSpec = { sheet: 'Weekly', title: { en: 'Weekly costs', zh: '每周费用' }, kind: 'column', categoryColumn: 0, seriesColumns: [2, 3], secondaryAxisColumns: [3], rows: 2 };
    await env.host.addChart(spec);
    const [chart] = env.wb.sheet('Weekly')!.charts;
    expect(chart.series.map((x) => x.axisGroup ?? 'Primary')).toEqual(['Primary', 'Secondary']);
    expect(chart.series[1]).toMatchObject({ name: 'Penalties (USD)', chartType: 'LineMarkers' });
    expect(chart.axisTitles).toEqual({ 'Value/Primary': 'Gift fees (CNY)', 'Value/Secondary': 'Penalties (USD)' });
    // Without the field: one axis, as before.
    await env.host.addChart({ ...spec, secondaryAxisColumns: undefined });
    const [one] = env.wb.sheet('Weekly')!.charts.slice(-1);
    expect(one.series.every((x) => x.axisGroup === undefined)).toBe(true);
  });

  it('now() is the local wall clock', async () => {
    const env = setup(1);
    const before = localWallNow();
    const n = await env.host.now();
    expect(n).toBeGreaterThanOrEqual(before);
    expect(n).toBeLessThanOrEqual(localWallNow());
  });

  it('finds the header below a title row in a used range', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Export', [['6月订单导出 June orders export'], HEADER, ...orderRows(20)]);
    const host = new ExcelAuditHost({ run: createExcel(wb, mockProxy).run as never });
    const [src] = await host.listSources();
    expect(src).toMatchObject({ headerRow: 2, rows: 20 });
    expect(await host.readHeader(src.id)).toEqual(HEADER);
    expect((await host.readRows(src.id, 0, 1))[0][0]).toBe(`${BODY[0][0]}-0`);
    const summary = await runAudit(host, src.id);
    expect(summary.rowsAudited).toBe(20);
  });
});

describe('ExcelAuditHost: the audit with a rate card from a sheet', () => {
  it('offers the inserted rate card (not as a source), audits with the edited card, and refuses a malformed one naming its row', async () => {
    const env = setup(200);
    const c = new PaneController(env.host, { engine: coreEngine, now: Date.UTC(2024, 7, 1) });
    await c.refreshSources();
    await c.insertRateCard();
    expect(c.state.rateCard).toMatchObject({ status: 'done', sheet: 'AE Rate Card' });
    const cardSheet = env.wb.sheet('AE Rate Card')!;
    expect(JSON.parse(env.wb.settings.get(RATE_CARD_SETTING)!)).toEqual([cardSheet.id]);
    // Written as text where Excel would have parsed it: the effective date is still ISO text.
    expect(cardSheet.cells.find((r) => r[0] === 'card.effective')![1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await c.refreshSources();
    expect(c.state.sources.map((s) => s.id)).toEqual([`sheet:${env.orders.id}`]);
    expect(c.state.rateSheets[0]).toMatchObject({ id: cardSheet.id, name: 'AE Rate Card', rateCard: true });

    // The user edits the card (a new id); the run reads it again and uses it.
    const idRow = cardSheet.cells.findIndex((r) => r[0] === 'card.id');
    cardSheet.cells[idRow][1] = 'my-2024';
    await c.selectCard(cardSheet.id);
    expect(c.state.card).toMatchObject({ status: 'ok', id: 'my-2024' });
    await c.run();
    expect(c.state.run.status, JSON.stringify(c.state.run)).toBe('done');
    if (c.state.run.status === 'done') expect(c.state.run.summary.rateCard).toEqual({ source: 'sheet', sheet: 'AE Rate Card', id: 'my-2024' });
    const summary = env.wb.sheet(OUTPUT_SHEETS.summary)!;
    expect(summary.cells.some((r) => r.includes('my-2024'))).toBe(true);

    // A malformed value: the run stops before anything is written, the message names the sheet row.
    const feeRow = cardSheet.cells.findIndex((r) => typeof r[0] === 'string' && /^gift\.tiers\.\w+\.fee$/.test(r[0] as string));
    cardSheet.cells[feeRow][1] = 'abc';
    const findingsBefore = JSON.stringify(env.wb.sheet(OUTPUT_SHEETS.findings)!.cells);
    await c.run();
    expect(c.state.run.status).toBe('error');
    if (c.state.run.status === 'error') {
      expect(c.state.run.error.en).toContain(`Rate card sheet “AE Rate Card”: rate card row ${feeRow + 1}`);
      expect(c.state.run.error.zh).toContain(`费率卡第 ${feeRow + 1} 行`);
    }
    expect(c.state.card.status).toBe('error');
    expect(JSON.stringify(env.wb.sheet(OUTPUT_SHEETS.findings)!.cells)).toBe(findingsBefore);
  });
});

describe('ExcelAuditHost: highlighting bad rows within getRanges limits (office-js#5198)', () => {
  /**
   * The real audit over the orders, its Findings table replaced by 10,000 findings of which every
   * other one is an error: 5,000 error rows, no two adjacent (5,000 areas to fill).
   */
  const scatteredEngine: AuditEngine = {
    ...coreEngine,
    createAudit(header, options) {
      const inner = coreEngine.createAudit(header, options);
      return {
        error: inner.error,
        push: (rows, first) => inner.push(rows, first),
        finish() {
          const report = inner.finish();
          const template = report.findings[0];
          const row = report.tables.findings[1];
          if (!template || !row) throw new Error('the sample audit has no finding to copy');
          const findings = Array.from({ length: 10_000 }, (_, i) => ({ ...template, row: i + 2, severity: (i % 2 === 0 ? 'error' : 'warning') as typeof template.severity }));
          const table = [report.tables.findings[0], ...findings.map((_, i) => row.map((c, j) => (j === 0 ? `${String(c)}-${i}` : c)))];
          return { ...report, findings, tables: { ...report.tables, findings: table } };
        },
      };
    },
  };

  async function auditScattered(env: ReturnType<typeof setup>) {
    const c = new PaneController(env.host, { engine: scatteredEngine, now: Date.UTC(2024, 7, 1), chunkSize: 5000 });
    await c.refreshSources();
    await c.selectSource(`sheet:${env.orders.id}`);
    await c.run();
    return c.state.run;
  }

  it('an audit with 5,000 scattered error rows writes Findings, Summary and Weekly; highlighting is split into calls Excel accepts', async () => {
    const env = setup(300);
    const run = await auditScattered(env);
    expect(run.status, JSON.stringify(run)).toBe('done');
    if (run.status !== 'done') return;
    expect(run.summary.sheets).toEqual([OUTPUT_SHEETS.findings, OUTPUT_SHEETS.summary, OUTPUT_SHEETS.weekly]);
    const findings = env.wb.sheet(OUTPUT_SHEETS.findings)!;
    expect(findings.cells).toHaveLength(10_001);
    // Exactly the 5,000 error rows are filled (sheet rows 2, 4, …: 0-based 1, 3, …).
    const filled = [...findings.fills.keys()].filter((r) => r > 0).sort((a, b) => a - b);
    expect(filled).toHaveLength(5000);
    expect(filled.every((r) => r % 2 === 1)).toBe(true);
    // Several getRanges calls, each within the limits, none rejected.
    const calls = env.wb.getRangesCalls;
    expect(calls.length).toBeGreaterThanOrEqual(Math.ceil(5000 / HIGHLIGHT_MAX_AREAS));
    for (const call of calls) {
      expect(call.rejected).toBe(false);
      expect(call.areas).toBeLessThanOrEqual(HIGHLIGHT_MAX_AREAS);
      expect(call.chars).toBeLessThanOrEqual(HIGHLIGHT_MAX_CHARS);
    }
    expect(calls.reduce((n, c) => n + c.areas, 0)).toBe(5000);
    expect(env.wb.sheet(OUTPUT_SHEETS.summary)!.cells.length).toBeGreaterThan(1);
    expect(env.wb.sheet(OUTPUT_SHEETS.weekly)!.cells.length).toBeGreaterThan(1);
    expect(env.wb.sheet(OUTPUT_SHEETS.weekly)!.charts).toHaveLength(1);
  }, 60_000);

  it('when Excel rejects getRanges calls anyway, each span is filled on its own and the report is still complete', async () => {
    const env = setup(300);
    env.wb.getRangesMaxAreas = 20; // an Excel stricter than the host's cap: every call is rejected
    const run = await auditScattered(env);
    expect(run.status, JSON.stringify(run)).toBe('done');
    expect(env.wb.getRangesCalls.length).toBeGreaterThan(0);
    expect(env.wb.getRangesCalls.every((c) => c.rejected)).toBe(true);
    const findings = env.wb.sheet(OUTPUT_SHEETS.findings)!;
    expect([...findings.fills.keys()].filter((r) => r > 0)).toHaveLength(5000);
    expect(findings.boldRows.has(0)).toBe(true); // the header formats were not lost with a rejected batch
    expect(env.host.lastHighlight.fallbackSpans).toBe(5000);
    expect(env.host.lastHighlight.calls.every((c) => !c.ok)).toBe(true);
    expect(env.wb.sheet(OUTPUT_SHEETS.summary)!.cells.length).toBeGreaterThan(1);
    expect(env.wb.sheet(OUTPUT_SHEETS.weekly)!.charts).toHaveLength(1);
  }, 60_000);

  it('highlighting never fails the report, even when every fill is refused', async () => {
    const env = setup(300);
    env.wb.getRangesMaxAreas = 0;
    // An Excel that refuses the per-span fills too: getRangeByIndexes on the Findings sheet throws.
    const excel = createExcel(env.wb, mockProxy);
    const host = new ExcelAuditHost({
      run: (async (batch: (c: unknown) => Promise<unknown>) =>
        excel.run(async (context) => {
          const ws = context.workbook.worksheets;
          const add = ws.add;
          ws.add = (name: string) => {
            const sheet = add(name);
            if (name === OUTPUT_SHEETS.findings) {
              const byIndexes = sheet.getRangeByIndexes;
              let writes = 0;
              sheet.getRangeByIndexes = (...a: number[]) => {
                const r = byIndexes(...a);
                // The first ranges carry the values; after them, any fill request is refused.
                if (++writes > 3) r.format = { fill: { set color(_: string) { throw new Error('InvalidArgument'); } }, font: {}, autofitColumns() {} };
                return r;
              };
            }
            return sheet;
          };
          return batch(context);
        })) as never,
    });
    const c = new PaneController(host, { engine: scatteredEngine, now: Date.UTC(2024, 7, 1), chunkSize: 5000 });
    await c.refreshSources();
    await c.selectSource(`sheet:${env.orders.id}`);
    await c.run();
    expect(c.state.run.status, JSON.stringify(c.state.run)).toBe('done');
    expect(host.lastHighlight.skippedSpans).toBe(5000);
    expect(env.wb.sheet(OUTPUT_SHEETS.findings)!.cells).toHaveLength(10_001);
    expect(env.wb.sheet(OUTPUT_SHEETS.summary)!.cells.length).toBeGreaterThan(1);
    expect(env.wb.sheet(OUTPUT_SHEETS.weekly)!.charts).toHaveLength(1);
  }, 60_000);
});
