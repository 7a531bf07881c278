/**
 * The "open a file" source (pane/file-host.ts): the browser app's host (files in, one report
 * workbook out) and the same files inside any other host (Excel, Sheets: outputs go to the workbook).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PaneController } from '../../pane/controller';
import { coreEngine } from '../../pane/engine';
import { createFileHost, withFileSources } from '../../pane/file-host';
import { MemoryWorkbook, createMemoryHost } from '../../pane/memory-host';
import { reportFileName } from '../../pane/report-file';

const expected = JSON.parse(readFileSync(path.resolve('examples/orders.expected.json'), 'utf8')) as { now: string; counts: Record<string, number> };
const NOW = Date.parse(expected.now);
const bytes = (f: string) => new Uint8Array(readFileSync(path.resolve('examples', f)));
const counts = (t: unknown[][]) => {
  const c: Record<string, number> = {};
  for (const r of t.slice(1)) c[String(r[2])] = (c[String(r[2])] ?? 0) + 1;
  return c;
};

describe('browser-file host', () => {
  it('opens an .xlsx, audits it and offers the report workbook with the CLI sheets', async () => {
    const downloads: string[] = [];
    const host = createFileHost({ lang: 'en', download: (n) => downloads.push(n) });
    const ctl = new PaneController(host, { engine: coreEngine, now: NOW });
    expect(host.reportFile()).toBeUndefined();
    await ctl.openFile('orders.xlsx', bytes('orders.xlsx'));
    expect(ctl.state.error).toBeUndefined();
    expect(ctl.state.sources).toEqual([expect.objectContaining({ label: 'orders.xlsx › 订单', rows: 602, headerRow: 1 })]);
    expect(ctl.state.mapping?.missingRequired).toEqual([]);
    await ctl.run();
    expect(ctl.state.run.status).toBe('done');
    const file = host.reportFile()!;
    expect(file.name).toBe('orders-audit.xlsx');
    const wb = XLSX.read(file.bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Findings', 'Summary', 'Weekly', 'About']);
    expect(counts(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Findings, { header: 1 }))).toEqual(expected.counts);
    // Insert rate card: offered as a download and as the audit's card.
    await ctl.insertRateCard();
    expect(downloads).toEqual(['ae-rate-card.xlsx']);
    expect(ctl.state.rateSheets[0]).toMatchObject({ name: 'AE Rate Card', rateCard: true });
  });

  it('a GBK CSV reads like the UTF-8 one; in Chinese the report has Chinese sheet names', async () => {
    const csv = readFileSync(path.resolve('examples/orders.csv'), 'utf8');
    const host = createFileHost({ lang: 'zh' });
    const ctl = new PaneController(host, { engine: coreEngine, now: NOW });
    await ctl.openFile('导出.csv', new Uint8Array(iconv.encode(csv, 'gbk')));
    expect(ctl.state.sources.map((s) => s.label)).toEqual(['导出.csv']);
    await ctl.run();
    const wb = XLSX.read(host.reportFile()!.bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['审核结果', '汇总', '每周费用', '说明']);
    expect(counts(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['审核结果'], { header: 1 }))).toEqual(expected.counts);
    expect(host.reportFile()!.name).toBe('导出-csv-audit.xlsx');
  });

  it('an unreadable file is a clear bilingual error and loses nothing already open', async () => {
    const host = createFileHost({ lang: 'en' });
    const ctl = new PaneController(host, { engine: coreEngine, now: NOW });
    await ctl.openFile('orders.csv', bytes('orders.csv'));
    await ctl.openFile('broken.xlsx', new Uint8Array([1, 2, 3, 0, 9]));
    expect(ctl.state.error?.en).toMatch(/^Could not open the file: broken\.xlsx is neither a spreadsheet nor a text \(CSV\) file/);
    expect(ctl.state.error?.zh).toMatch(/^无法打开文件：broken\.xlsx 既不是工作簿/);
    await ctl.openFile('notes.pdf', new Uint8Array([37, 80, 68, 70]));
    expect(ctl.state.error?.en).toMatch(/unsupported file type "\.pdf"/);
    expect(ctl.state.sources.map((s) => s.label)).toEqual(['orders.csv']);
    // The same file opened again replaces its source, not duplicates it.
    await ctl.openFile('orders.csv', bytes('orders.csv'));
    expect(ctl.state.sources).toHaveLength(1);
  });

  it('the report matches the CLI\'s: a finding without a cost leaves its cost cells blank (not empty text); the About sheet speaks one language', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const host = createFileHost({ lang, version: '9.9.9' });
      const ctl = new PaneController(host, { engine: coreEngine, now: Date.parse('2024-08-01T00:00:00') });
      await ctl.openFile('mabang.xlsx', new Uint8Array(readFileSync(path.resolve('examples/layouts/mabang.xlsx'))));
      await ctl.run();
      const wb = XLSX.read(host.reportFile()!.bytes, { type: 'array', cellNF: true });
      const ws = wb.Sheets[wb.SheetNames[0]];
      const table = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
      const costCols = [6, 7]; // Cost (CNY), Cost (USD)
      const costly = table.slice(1).filter((r) => typeof r[7] === 'number');
      const free = table.slice(1).filter((r) => r[2] === 'DATA');
      expect(costly.length).toBeGreaterThan(0);
      expect(free.length).toBeGreaterThan(0);
      for (let r = 1; r < table.length; r++) {
        for (const c of costCols) {
          const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
          if (cell) expect(cell.t, `row ${r + 1} col ${c + 1}`).toBe('n');
          if (cell) expect(cell.z).toBe('#,##0.00');
        }
      }
      const about = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[3]], { header: 1 });
      const text = about.map((r) => r.join(' ')).join('\n');
      expect(text).toContain('9.9.9');
      if (lang === 'en') expect(text).not.toContain('浏览器');
      else expect(text).not.toMatch(/browser/i);
    }
  });

  it('the report is in the language the pane ran in, whatever the host\'s (beginReport carries it; nothing is guessed from sheet names)', async () => {
    const host = createFileHost({ lang: 'en' });
    const ctl = new PaneController(host, { engine: coreEngine, now: Date.parse('2024-08-01T00:00:00') });
    await ctl.openFile('mabang.xlsx', new Uint8Array(readFileSync(path.resolve('examples/layouts/mabang.xlsx'))));
    ctl.setLang('zh');
    await ctl.run();
    const wb = XLSX.read(host.reportFile()!.bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['审核结果', '汇总', '每周费用', '说明']);
    const about = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['说明'], { header: 1 });
    expect(about.map((r) => r[0])).toEqual(['审核对象', '生成工具', '生成时间（UTC）', '未使用的列']);
    // Sheets of any name: the language is the one the run began in.
    host.beginReport!({ report: { mapping: { unmatched: [] } } as never, lang: 'zh' });
    await host.writeSheet('Custom', [['a'], [1]]);
    expect(XLSX.read(host.reportFile()!.bytes, { type: 'array' }).SheetNames).toEqual(['Custom', '说明']);
    host.beginReport!({ report: { mapping: { unmatched: [] } } as never, lang: 'en' });
    await host.writeSheet('审核结果', [['a'], [1]]);
    expect(XLSX.read(host.reportFile()!.bytes, { type: 'array' }).SheetNames).toEqual(['审核结果', 'About']);
  });

  it('report file names follow the CLI', () => {
    expect(reportFileName('orders.xlsx')).toBe('orders-audit.xlsx');
    expect(reportFileName('C:\\exports\\orders.CSV')).toBe('orders-csv-audit.xlsx');
    expect(reportFileName('x.xls')).toBe('x-xls-audit.xlsx');
  });
});

describe('open a file inside another host (Excel task pane, Sheets sidebar)', () => {
  it('lists the file first, reads it from memory and writes the outputs into the workbook, leaving its sheets alone', async () => {
    const wb = new MemoryWorkbook({ sheets: { Notes: [['my notes'], ['keep']] } });
    const host = withFileSources(createMemoryHost(wb, { lang: 'en' }));
    const ctl = new PaneController(host, { engine: coreEngine, now: NOW });
    await ctl.refreshSources();
    expect(ctl.state.sources.map((s) => s.label)).toEqual(['Notes']);
    await ctl.openFile('orders.csv', bytes('orders.csv'));
    expect(ctl.state.sources.map((s) => s.label)).toEqual(['orders.csv', 'Notes']);
    expect(ctl.state.sourceId).toMatch(/^file:/);
    await ctl.run();
    expect(ctl.state.run.status).toBe('done');
    expect(wb.sheetNames()).toEqual(['Notes', 'Findings', 'Summary', 'Weekly']);
    expect(wb.values('Notes')).toEqual([['my notes'], ['keep']]);
    expect(counts(wb.values('Findings')!)).toEqual(expected.counts);
  });
});
