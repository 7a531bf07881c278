/**
 * The Sheets AuditHost, running in the sidebar's browser JS: every method is one or more
 * google.script.run calls to the server functions in addon.js (→ addin-sheets/server/sidebar.ts).
 * Long work is split so no server call nears Apps Script's 6-minute limit: rows are read at most
 * READ_CHUNK per call, written at most WRITE_CELLS cells per call. Everything sent is made JSON-safe
 * first (google.script.run rejects Date, functions, undefined inside objects).
 */
import type { ChartSpec } from '../../core/audit/types';
import type { Lang } from '../../core/text';
import type { AuditHost, SheetChoice, SheetValues, SourceInfo, WriteOptions } from '../../pane/host';
import { sourceFromScan, type SourceScan } from '../sources';
import { jsonCell } from '../../pane/cells';

/** Calls a server function by name; resolves with its (JSON-safe) result. */
export type Transport = (fn: string, args: unknown[]) => Promise<unknown>;

export const READ_CHUNK = 5_000;
export const WRITE_CELLS = 20_000;

interface ScriptRunner {
  withSuccessHandler(f: (r: unknown) => void): ScriptRunner;
  withFailureHandler(f: (e: unknown) => void): ScriptRunner;
  [fn: string]: unknown;
}

/** The real transport: google.script.run, promisified. */
export function gasTransport(): Transport {
  return (fn, args) =>
    new Promise((resolve, reject) => {
      const g = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
      const run = g?.script?.run;
      if (!run) {
        reject(new Error('google.script.run is not available: open this page from the Sheets sidebar. / google.script.run 不可用：请从 Sheets 侧边栏打开此页面。'));
        return;
      }
      const runner = run
        .withSuccessHandler(resolve)
        .withFailureHandler((e) => reject(e instanceof Error ? e : new Error(String((e as { message?: unknown })?.message ?? e))));
      const f = runner[fn];
      if (typeof f !== 'function') {
        reject(new Error(`Unknown server function ${fn}`));
        return;
      }
      (f as (...a: unknown[]) => void).apply(runner, args);
    });
}

export interface SheetsHostOptions {
  lang?: Lang;
  readChunk?: number;
  writeCells?: number;
}

export function createSheetsHost(transport: Transport, options: SheetsHostOptions = {}): AuditHost & { outputName(base: string): string | undefined } {
  const lang: Lang = options.lang === 'zh' ? 'zh' : 'en';
  const readChunk = Math.max(1, Math.min(READ_CHUNK * 2, options.readChunk ?? READ_CHUNK));
  const writeCells = Math.max(100, options.writeCells ?? WRITE_CELLS);
  const written = new Map<string, string>();
  let lastSource: string | undefined;

  const call = <T>(fn: string, ...args: unknown[]) => transport(fn, args) as Promise<T>;

  const host = {
    lang: () => lang,

    // The server scans each sheet's first rows; the header is found here (addin-sheets/sources.ts).
    listSources: async () => {
      const scans = await call<SourceScan[]>('aeScanSources');
      if (!Array.isArray(scans)) throw new Error('aeScanSources did not return a list');
      return scans.map(sourceFromScan).filter((s): s is SourceInfo => s !== undefined);
    },

    readHeader: async (id: string) => {
      lastSource = id;
      return call<unknown[]>('aeReadHeader', id);
    },

    readRows: async (id: string, start: number, count: number) => {
      lastSource = id;
      const out: unknown[][] = [];
      for (let at = start, left = count; left > 0; ) {
        const n = Math.min(readChunk, left);
        const rows = await call<unknown[][]>('aeReadRows', id, at, n);
        if (!Array.isArray(rows)) throw new Error('aeReadRows did not return rows');
        for (const r of rows) out.push(r);
        if (rows.length < n) break;
        at += n;
        left -= n;
      }
      return out;
    },

    /** Replace the add-in's output sheet `name` (or create it under a free name); resolves to the actual name. */
    writeSheet: async (name: string, table: unknown[][], opts: WriteOptions = {}) => {
      if (!Array.isArray(table) || !table.every(Array.isArray)) throw new Error(`writeSheet(${name}): the table must be a 2-D array`);
      const target = await call<string>('aeBeginOutput', name, lastSource ?? '');
      written.set(name, target);
      let width = 1;
      for (const r of table) if (r.length > width) width = r.length;
      const perCall = Math.max(1, Math.floor(writeCells / width));
      const marks = new Set((opts.highlightRows ?? []).filter((r) => Number.isInteger(r) && r > 0));
      const total = table.length;
      opts.onProgress?.(0, total);
      for (let start = 0; start < total; start += perCall) {
        const slice = table.slice(start, start + perCall);
        const rows = slice.map((r) => r.map(jsonCell));
        const highlight: number[] = [];
        // highlightRows are 1-based data rows = table row index (row 0 is the header).
        for (let i = 0; i < slice.length; i++) if (marks.has(start + i)) highlight.push(i);
        await call<number>('aeWriteRows', target, start, rows, highlight);
        opts.onProgress?.(Math.min(total, start + slice.length), total);
      }
      const ints = (xs?: number[]) => (xs ?? []).filter((c) => Number.isInteger(c));
      await call('aeFinishOutput', target, Math.max(0, total - 1), width, ints(opts.moneyColumns), ints(opts.percentColumns));
      return target as unknown as void;
    },

    addChart: async (spec: ChartSpec) => {
      const sheet = written.get(spec.sheet) ?? spec.sheet;
      const clean = JSON.parse(JSON.stringify({ ...spec, sheet })) as ChartSpec;
      await call<boolean>('aeAddChart', sheet, clean, spec.lang ?? lang);
    },

    // The sheet is named in the pane's language ("AE Rate Card" / "AE 费率卡"), "(2)"… when taken.
    insertRateCard: (table: unknown[][], name?: string) => call<string>('aeInsertRateCard', table.map((r) => r.map(jsonCell)), name ?? ''),

    /** Wall-clock now in the spreadsheet's time zone (the server knows the zone; the browser may be elsewhere). */
    now: () => call<number>('aeNow'),

    listSheets: () => call<SheetChoice[]>('aeListSheets'),

    readSheet: (id: string) => call<SheetValues>('aeReadSheet', id),

    outputName: (base: string) => written.get(base),
  };
  return host;
}
