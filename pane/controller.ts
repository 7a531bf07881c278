/**
 * The audit pane's state and flow, without any DOM: pick a source, detect and override the column
 * mapping, run the audit in chunks (cancellable between chunks), write the output sheets, insert the
 * rate card. The view (view.ts) renders `state` and calls these methods; tests drive them directly.
 */
import type { AuditOptions, AuditReport, ColumnMapping, Field, MappingResult, Severity } from '../core/audit/types';
import { OUTPUT_SHEETS, RATE_CARD_SHEET, outputSheetName } from '../core/audit/types';
import { FINDINGS_MONEY_COLUMNS, SUMMARY_MONEY_COLUMNS, SUMMARY_SHARE_COLUMNS, WEEKLY_MONEY_COLUMNS, WEEKLY_SHARE_COLUMNS } from '../core/audit/report';
import { isTimeZone, localWallNow, wallNow } from '../core/coerce';
import { isRuleError } from '../core/errors';
import { BUILTIN_CARDS, TABLE_HEADER, cardFromTable, cardToTable, latestCard, type RateCard } from '../core/rates';
import { L, type Lang, type Text } from '../core/text';
import type { AuditHost, SheetChoice, SheetValues, SourceInfo, WriteOptions } from './host';
import { T, duplicateText, missingRequiredText, rateSheetError } from './i18n';

/** The part of the audit engine (core/audit) the pane uses. */
export interface AuditEngine {
  detectColumns(header: unknown[], overrides?: AuditOptions['overrides']): MappingResult;
  createAudit(header: unknown[], options: AuditOptions): {
    /** Why this header cannot be audited (then nothing is read or written). */
    readonly error?: Text;
    push(rows: unknown[][], firstDataRowIndex: number): void;
    finish(): AuditReport;
  };
  /** Bilingual labels of the fields and titles of the rules (by RULES.md id). */
  fieldLabels?: Partial<Record<Field, Text>>;
  ruleTitles?: Record<string, Text>;
}

export type Overrides = Partial<Record<Field, number | null>>;
export type RunPhase = 'prepare' | 'read' | 'audit' | 'write';

export interface RunSummary {
  rowsAudited: number;
  rowsAffected: number;
  bySeverity: Record<Severity, number>;
  giftFeesCny: number;
  penaltiesUsd: number;
  /** Sheets actually written, in order (e.g. ["Findings", "Summary", "Weekly"]). */
  sheets: string[];
  /** A chart failure does not fail the run; it is reported here. */
  chartError?: Text;
  ms: number;
  /** "Now" the open orders were judged at (wall-clock ms). */
  asOf: number;
  /** The rate card used: the built-in one(s), or the user's sheet and the card id read from it. */
  rateCard: { source: 'builtin'; ids: string[] } | { source: 'sheet'; sheet: string; id: string };
  /** The engine's report-level notes (e.g. orders dated before the first rate card). */
  notes: Text[];
  /** Rules that did not run (columns missing), with the fields they need. */
  skippedRules: { rule: string; missing: Field[] }[];
}

/** Where the audit's rate card comes from: the built-in card, or a sheet the user picked. */
export type CardState =
  | { status: 'builtin' }
  | { status: 'checking'; sheetId: string }
  | { status: 'ok'; sheetId: string; id: string; effective: string }
  | { status: 'error'; sheetId: string; error: Text };

export interface PaneState {
  lang: Lang;
  sources: SourceInfo[];
  sourcesLoading: boolean;
  sourceId: string | undefined;
  header: string[];
  headerLoading: boolean;
  overrides: Overrides;
  /** Detected mapping with the overrides applied. */
  mapping: MappingResult | undefined;
  /** Why Run is disabled (missing required column, duplicate column, no rows…), or undefined. */
  blocker: Text | undefined;
  run:
    | { status: 'idle' }
    | { status: 'running'; phase: RunPhase; done: number; total: number; cancelling: boolean }
    | { status: 'done'; summary: RunSummary }
    | { status: 'cancelled' }
    | { status: 'error'; error: Text };
  rateCard: { status: 'idle' } | { status: 'busy' } | { status: 'done'; sheet: string } | { status: 'error'; error: Text };
  /** Sheets a rate card can be read from (empty when the host cannot read sheets). */
  rateSheets: SheetChoice[];
  /** The rate card the next run uses (built-in, or a sheet checked when picked and again at Run). */
  card: CardState;
  /** Error not tied to a run (listing sources, reading the header). */
  error: Text | undefined;
  /** IANA zone of the file's times ('' = this computer's zone): "now" is judged there, the Summary names it. */
  timeZone: string;
  /** The file being read (host.openFile), while it is read. */
  readingFile?: string;
}

export interface ControllerOptions {
  engine: AuditEngine;
  /** Rows per host.readRows call (default 5,000). */
  chunkSize?: number;
  /** "Now" for open orders (wall-clock ms); default host.now(), else localWallNow(), at run time. */
  now?: number;
}

export const DEFAULT_CHUNK = 5000;

/** The built-in card ids, e.g. "2024-standard". */
export const BUILTIN_CARD_IDS = BUILTIN_CARDS.map((c) => c.card.id);

/**
 * A sheet's used range as the table cardFromTable reads, with its row numbers = sheet rows: empty
 * rows pad the top; when a key / value / note header row is there, it and anything above it (a
 * title) are blanked.
 */
export function rateCardTable(v: SheetValues): unknown[][] {
  const top = Math.max(1, Math.floor(Number(v.top) || 1));
  const values = (Array.isArray(v.values) ? v.values : []).map((r) => (Array.isArray(r) ? r : []));
  const headers = new Set<string>([...TABLE_HEADER.en, ...TABLE_HEADER.zh].map((h) => h.toLowerCase()));
  const isHeader = (k: unknown) => typeof k === 'string' && headers.has(k.normalize('NFKC').trim().toLowerCase());
  const h = values.slice(0, 20).findIndex((r) => isHeader(r[0]));
  const rows: unknown[][] = Array.from({ length: top - 1 }, () => []);
  values.forEach((r, i) => rows.push(i <= h ? [] : r));
  return rows;
}

/** Any thrown thing → bilingual readable text, prefixed with what failed. */
export function describeError(e: unknown, what?: Text): Text {
  let en: string;
  let zh: string;
  if (e && typeof e === 'object' && typeof (e as Text).en === 'string' && typeof (e as Text).zh === 'string') {
    en = (e as Text).en;
    zh = (e as Text).zh;
  } else {
    let msg = '';
    if (e instanceof Error) msg = e.message || e.name;
    else if (typeof e === 'string') msg = e;
    else if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') msg = (e as { message: string }).message;
    else if (e !== undefined && e !== null) {
      try {
        msg = JSON.stringify(e);
      } catch {
        msg = String(e);
      }
    }
    // Office errors carry a code and debugInfo; keep the code, drop stack-like noise.
    const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
    if (typeof code === 'string' && code && !msg.includes(code)) msg = msg ? `${msg} (${code})` : code;
    msg = msg.split('\n')[0].trim();
    en = msg || T.errUnknown.en;
    zh = msg || T.errUnknown.zh;
  }
  return what ? L(`${what.en}: ${en}`, `${what.zh}：${zh}`) : L(en, zh);
}

class Cancelled extends Error {}

const headerText = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

export class PaneController {
  state: PaneState;
  private listeners = new Set<(s: PaneState) => void>();
  private cancelRequested = false;
  private headerSeq = 0;
  private readonly engine: AuditEngine;
  private readonly chunk: number;

  constructor(
    readonly host: AuditHost,
    private readonly opts: ControllerOptions,
  ) {
    this.engine = opts.engine;
    this.chunk = Math.max(1, Math.floor(opts.chunkSize ?? DEFAULT_CHUNK));
    let lang: Lang = 'en';
    try {
      lang = host.lang() === 'zh' ? 'zh' : 'en';
    } catch {
      /* a host without a language keeps English */
    }
    this.state = {
      lang,
      sources: [],
      sourcesLoading: false,
      sourceId: undefined,
      header: [],
      headerLoading: false,
      overrides: {},
      mapping: undefined,
      blocker: undefined,
      run: { status: 'idle' },
      rateCard: { status: 'idle' },
      rateSheets: [],
      card: { status: 'builtin' },
      error: undefined,
      timeZone: '',
    };
  }

  subscribe(fn: (s: PaneState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn(this.state);
  }

  get running(): boolean {
    return this.state.run.status === 'running';
  }

  fieldLabel(f: Field): Text {
    return this.engine.fieldLabels?.[f] ?? L(f, f);
  }

  ruleTitle(rule: string): Text | undefined {
    return this.engine.ruleTitles?.[rule];
  }

  setLang(lang: Lang): void {
    this.set({ lang });
  }

  /** The zone of the file's times (e.g. America/Los_Angeles for AliExpress exports in US Pacific time); '' = local. */
  setTimeZone(tz: string): void {
    if (this.running) return;
    this.set({ timeZone: tz && isTimeZone(tz) ? tz : '' });
  }

  /** Load the sources; keep the current one when it still exists, else pick the first. */
  async refreshSources(): Promise<void> {
    if (this.running) return;
    this.set({ sourcesLoading: true, error: undefined });
    void this.refreshRateSheets();
    let sources: SourceInfo[];
    try {
      sources = await this.host.listSources();
      if (!Array.isArray(sources)) throw new Error('listSources did not return a list');
    } catch (e) {
      this.set({ sourcesLoading: false, error: describeError(e, T.errListSources) });
      return;
    }
    this.set({ sources, sourcesLoading: false });
    const keep = sources.find((s) => s.id === this.state.sourceId);
    if (keep) await this.loadHeader(keep.id, true);
    else if (sources.length) await this.selectSource(sources[0].id);
    else this.set({ sourceId: undefined, header: [], mapping: undefined, overrides: {}, blocker: this.noSourcesText() });
  }

  /** "No data": a host with only files (the browser app) asks for a file, the others for a sheet. */
  noSourcesText(): Text {
    return this.host.openFile && this.host.reportFile ? T.noFileYet : T.noSources;
  }

  /** Open a file (host.openFile) and select its first sheet as the source. */
  async openFile(fileName: string, bytes: Uint8Array): Promise<void> {
    if (this.running || !this.host.openFile) return;
    this.set({ sourcesLoading: true, readingFile: fileName, error: undefined });
    let id: string;
    try {
      id = await this.host.openFile(fileName, bytes);
    } catch (e) {
      this.set({ sourcesLoading: false, readingFile: undefined, error: describeError(e, T.errOpenFile) });
      return;
    }
    this.set({ sourcesLoading: false, readingFile: undefined });
    await this.refreshSources();
    if (this.state.sourceId !== id) await this.selectSource(id);
  }

  /** Reload the sheets a rate card can come from; a picked sheet that is gone falls back to built-in. */
  async refreshRateSheets(): Promise<void> {
    if (!this.host.listSheets || !this.host.readSheet) return;
    let rateSheets: SheetChoice[];
    try {
      rateSheets = await this.host.listSheets();
      if (!Array.isArray(rateSheets)) return;
    } catch {
      return; // the built-in card still works; the picker just stays as it was
    }
    const card = this.state.card;
    const keep = card.status === 'builtin' || rateSheets.some((s) => s.id === card.sheetId);
    this.set({ rateSheets, ...(keep ? {} : { card: { status: 'builtin' } as const }) });
  }

  /** Use the built-in card ('' or undefined) or read and check the card on a sheet. */
  async selectCard(sheetId: string | undefined): Promise<void> {
    if (this.running) return;
    if (!sheetId) {
      this.set({ card: { status: 'builtin' } });
      return;
    }
    this.set({ card: { status: 'checking', sheetId } });
    const r = await this.readCard(sheetId);
    const now = this.state.card;
    if (now.status === 'builtin' || now.sheetId !== sheetId) return; // the user picked again meanwhile
    this.set({ card: 'error' in r ? { status: 'error', sheetId, error: r.error } : { status: 'ok', sheetId, id: r.card.card.id, effective: r.card.card.effective } });
  }

  private sheetName(sheetId: string): string {
    return this.state.rateSheets.find((s) => s.id === sheetId)?.name ?? sheetId;
  }

  /** Read a sheet and parse it as a rate card; errors name the sheet and the row. */
  private async readCard(sheetId: string): Promise<{ card: RateCard } | { error: Text }> {
    const name = this.sheetName(sheetId);
    if (!this.host.readSheet) return { error: rateSheetError(name, T.errNoReadSheet) };
    let v: SheetValues;
    try {
      v = await this.host.readSheet(sheetId);
    } catch (e) {
      return { error: rateSheetError(name, describeError(e)) };
    }
    const card = cardFromTable(rateCardTable(v ?? { top: 1, left: 1, values: [] }));
    return isRuleError(card) ? { error: rateSheetError(name, card) } : { card };
  }

  async selectSource(id: string): Promise<void> {
    if (this.running) return;
    if (!this.state.sources.some((s) => s.id === id)) return;
    const changed = id !== this.state.sourceId;
    this.set({
      sourceId: id,
      ...(changed ? { overrides: {}, header: [], mapping: undefined, run: { status: 'idle' } as const } : {}),
    });
    await this.loadHeader(id, !changed);
  }

  /** Read the header of a source and (re)detect the mapping. Keeps overrides when the header is unchanged. */
  private async loadHeader(id: string, keepOverrides: boolean): Promise<void> {
    const seq = ++this.headerSeq;
    this.set({ headerLoading: true, error: undefined });
    let raw: unknown[];
    try {
      raw = await this.host.readHeader(id);
      if (!Array.isArray(raw)) throw new Error('readHeader did not return a row');
    } catch (e) {
      if (seq !== this.headerSeq) return;
      this.set({ headerLoading: false, header: [], mapping: undefined, error: describeError(e, T.errReadHeader), blocker: T.errReadHeader });
      return;
    }
    if (seq !== this.headerSeq) return; // the user picked another source meanwhile
    const header = raw.map(headerText);
    const same = header.length === this.state.header.length && header.every((h, i) => h === this.state.header[i]);
    const overrides = keepOverrides && same ? this.state.overrides : {};
    this.set({ headerLoading: false, header });
    this.remap(overrides);
  }

  /** Set one field's column (0-based) or null for "not mapped". */
  setMapping(field: Field, column: number | null): void {
    if (this.running) return;
    const overrides: Overrides = { ...this.state.overrides };
    // One column serves one field: taking a column from another field's override frees that field
    // (detection may then find it another column).
    if (column !== null) for (const f of Object.keys(overrides) as Field[]) if (f !== field && overrides[f] === column) delete overrides[f];
    overrides[field] = column;
    this.remap(overrides);
  }

  resetMapping(): void {
    if (this.running) return;
    this.remap({});
  }

  private remap(overrides: Overrides): void {
    const header = this.state.header;
    let mapping: MappingResult | undefined;
    let blocker: Text | undefined;
    if (!header.some((h) => h !== '')) {
      this.set({ overrides, mapping: undefined, blocker: this.state.sourceId ? T.errEmptyHeader : this.noSourcesText() });
      return;
    }
    try {
      mapping = this.engine.detectColumns(header, overrides);
    } catch (e) {
      this.set({ overrides, mapping: undefined, blocker: describeError(e, T.errAudit), error: describeError(e, T.errAudit) });
      return;
    }
    const src = this.state.sources.find((s) => s.id === this.state.sourceId);
    if (mapping.missingRequired.length) blocker = missingRequiredText(mapping.missingRequired.map((f) => this.fieldLabel(f)));
    else blocker = duplicateBlocker(mapping.mapping, header, (f) => this.fieldLabel(f));
    if (!blocker && src && src.rows <= 0) blocker = T.errNoRows;
    this.set({ overrides, mapping, blocker });
  }

  /** Ask a running audit to stop at the next chunk boundary (before anything is written). */
  cancel(): void {
    const run = this.state.run;
    if (run.status !== 'running' || run.phase === 'write' || run.cancelling) return;
    this.cancelRequested = true;
    this.set({ run: { ...run, cancelling: true } });
  }

  private progress(phase: RunPhase, done: number, total: number): void {
    const cancelling = this.state.run.status === 'running' && this.state.run.cancelling;
    this.set({ run: { status: 'running', phase, done, total, cancelling } });
  }

  private checkCancel(): void {
    if (this.cancelRequested) throw new Cancelled();
  }

  /** Let the browser paint and handle a Cancel click between chunks. */
  private yieldToUi(): Promise<void> {
    return new Promise((r) => setTimeout(r, 0));
  }

  /** Run the audit. Resolves when done, cancelled or failed (the state says which); never rejects. */
  async run(): Promise<void> {
    if (this.running) return;
    const id = this.state.sourceId;
    if (!id || !this.state.mapping || this.state.blocker) return;
    const started = Date.now();
    this.cancelRequested = false;
    const lang = this.state.lang;
    const overrides = { ...this.state.overrides };
    this.progress('prepare', 0, 0);
    let stage: Text = T.errRead;
    try {
      // Fresh size and header: the user may have edited the sheet since it was picked.
      const sources = await this.host.listSources();
      this.checkCancel();
      const src = sources.find((s) => s.id === id);
      if (!src) throw L('The source no longer exists. Press Refresh.', '数据源已不存在，请点击“刷新”。');
      const header = (await this.host.readHeader(id)).map(headerText);
      this.checkCancel();
      if (header.length !== this.state.header.length || header.some((h, i) => h !== this.state.header[i])) {
        this.set({ sources, header, run: { status: 'error', error: T.errHeaderChanged } });
        this.remap({});
        return;
      }
      if (src.rows <= 0) throw T.errNoRows;
      // The user's rate card, read again now (it may have been edited since it was picked).
      let card: RateCard | undefined;
      let cardLabel: string | undefined;
      let rateCard: RunSummary['rateCard'] = { source: 'builtin', ids: BUILTIN_CARD_IDS };
      const cs = this.state.card;
      if (cs.status !== 'builtin') {
        stage = T.errRateCardRead;
        const r = await this.readCard(cs.sheetId);
        this.checkCancel();
        if ('error' in r) {
          // Already says what failed and where (sheet, row): shown as is, nothing is read or written.
          this.set({ card: { status: 'error', sheetId: cs.sheetId, error: r.error }, run: { status: 'error', error: r.error } });
          return;
        }
        card = r.card;
        cardLabel = this.sheetName(cs.sheetId);
        rateCard = { source: 'sheet', sheet: this.sheetName(cs.sheetId), id: r.card.card.id };
        this.set({ card: { status: 'ok', sheetId: cs.sheetId, id: r.card.card.id, effective: r.card.card.effective } });
      }
      const tz = this.state.timeZone;
      const now = this.opts.now ?? (tz ? wallNow(tz) : await this.hostNow());
      this.checkCancel();
      stage = T.errAudit;
      const audit = this.engine.createAudit(header, { overrides, lang, now, headerRow: src.headerRow, ...(tz ? { timeZone: tz } : {}), ...(card ? { card, cardLabel } : {}) });
      if (audit.error) throw audit.error;
      const total = src.rows;
      for (let start = 0; start < total; ) {
        stage = T.errRead;
        this.progress('read', start, total);
        const count = Math.min(this.chunk, total - start);
        const rows = await this.host.readRows(id, start, count);
        if (!Array.isArray(rows)) throw new Error('readRows did not return rows');
        this.checkCancel();
        stage = T.errAudit;
        this.progress('audit', start, total);
        await this.yieldToUi();
        this.checkCancel();
        if (rows.length) audit.push(rows, start);
        start += rows.length;
        if (rows.length < count) break; // the source shrank while reading
        await this.yieldToUi();
        this.checkCancel();
      }
      const report = audit.finish();
      this.checkCancel();

      stage = T.errWrite;
      this.host.beginReport?.({ report, lang });
      const out = outputTables(report, lang);
      const sheets: string[] = [];
      for (let i = 0; i < out.length; i++) {
        this.progress('write', i, out.length);
        const o = out[i];
        const name = await this.host.writeSheet(o.name, o.table, o.opts);
        sheets.push(typeof name === 'string' && name ? name : o.name);
      }
      this.progress('write', out.length, out.length);
      let chartError: Text | undefined;
      if (report.chart && report.chart.rows > 0) {
        const weeklyIdx = out.findIndex((o) => o.key === 'weekly');
        const sheet = weeklyIdx >= 0 ? sheets[weeklyIdx] : report.chart.sheet;
        try {
          // The chart title in the report's language whatever the host's display language (its legend
          // comes from the table's header, already in that language).
          await this.host.addChart({ ...report.chart, sheet, lang });
        } catch (e) {
          chartError = describeError(e, T.chartFailed);
        }
      }
      this.set({ run: { status: 'done', summary: summarize(report, sheets, chartError, Date.now() - started, now, rateCard) } });
    } catch (e) {
      if (e instanceof Cancelled) this.set({ run: { status: 'cancelled' } });
      else this.set({ run: { status: 'error', error: describeError(e, stage) } });
    } finally {
      this.cancelRequested = false;
    }
  }

  /** "Now" from the host (wall clock in its time zone), else this machine's local wall clock. */
  private async hostNow(): Promise<number> {
    if (this.host.now) {
      try {
        const n = await this.host.now();
        if (typeof n === 'number' && Number.isFinite(n)) return n;
      } catch {
        /* fall back to the local clock below */
      }
    }
    return localWallNow();
  }

  async insertRateCard(): Promise<void> {
    if (this.state.rateCard.status === 'busy') return;
    this.set({ rateCard: { status: 'busy' } });
    try {
      const lang = this.state.lang;
      const sheet = await this.host.insertRateCard(cardToTable(latestCard(), lang), lang === 'zh' ? RATE_CARD_SHEET.zh : RATE_CARD_SHEET.en);
      this.set({ rateCard: { status: 'done', sheet: typeof sheet === 'string' && sheet ? sheet : '' } });
    } catch (e) {
      this.set({ rateCard: { status: 'error', error: describeError(e, T.errRateCard) } });
      return;
    }
    await this.refreshRateSheets(); // the new sheet can now be picked as the audit's rate card
  }
}

function duplicateBlocker(mapping: ColumnMapping, header: string[], label: (f: Field) => Text): Text | undefined {
  const byCol = new Map<number, Field[]>();
  for (const [f, c] of Object.entries(mapping) as [Field, number | undefined][]) {
    if (c === undefined || c === null) continue;
    byCol.set(c, [...(byCol.get(c) ?? []), f]);
  }
  for (const [c, fs] of byCol) if (fs.length > 1) return duplicateText(header[c] || `#${c + 1}`, fs.map(label));
  return undefined;
}

type OutputOpts = Pick<WriteOptions, 'highlightRows' | 'moneyColumns' | 'percentColumns'>;

/** The three output sheets with their formatting: the report's own (ReportTables.formats), the same in every host. */
export function outputTables(report: AuditReport, lang: Lang = 'en'): { key: keyof typeof OUTPUT_SHEETS; name: string; table: unknown[][]; opts: OutputOpts }[] {
  const { findings, summary, weekly } = report.tables;
  // An engine without ReportTables.formats (older): the same columns, from core/audit/report.
  const f = report.tables.formats ?? {
    findings: { moneyColumns: FINDINGS_MONEY_COLUMNS },
    summary: { moneyColumns: SUMMARY_MONEY_COLUMNS, percentColumns: SUMMARY_SHARE_COLUMNS },
    weekly: { moneyColumns: WEEKLY_MONEY_COLUMNS, percentColumns: WEEKLY_SHARE_COLUMNS },
  };
  const cols = (x: number[] | undefined) => (x ? [...x] : []);
  // Findings table rows follow report.findings one to one (row i+1 of the table = findings[i]).
  const highlightRows: number[] = [];
  if (findings.length - 1 === report.findings.length) {
    report.findings.forEach((f, i) => {
      if (f.severity === 'error') highlightRows.push(i + 1);
    });
  }
  return [
    { key: 'findings', name: outputSheetName('findings', lang), table: findings, opts: { highlightRows, moneyColumns: cols(f.findings?.moneyColumns), percentColumns: cols(f.findings?.percentColumns) } },
    { key: 'summary', name: outputSheetName('summary', lang), table: summary, opts: { moneyColumns: cols(f.summary?.moneyColumns), percentColumns: cols(f.summary?.percentColumns) } },
    { key: 'weekly', name: outputSheetName('weekly', lang), table: weekly, opts: { moneyColumns: cols(f.weekly?.moneyColumns), percentColumns: cols(f.weekly?.percentColumns) } },
  ];
}

export function summarize(
  report: AuditReport,
  sheets: string[],
  chartError: Text | undefined,
  ms: number,
  asOf: number,
  rateCard: RunSummary['rateCard'] = { source: 'builtin', ids: BUILTIN_CARD_IDS },
): RunSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  return {
    rowsAudited: report.rowsAudited,
    rowsAffected: report.rowsAffected,
    bySeverity,
    giftFeesCny: report.totals.giftFeesCny,
    penaltiesUsd: report.totals.penaltiesUsd,
    sheets,
    chartError,
    ms,
    asOf,
    rateCard,
    notes: [...(report.notes ?? [])],
    skippedRules: (report.mapping?.skippedRules ?? []).map((r) => ({ rule: r.rule, missing: [...r.missing] })),
  };
}
