/**
 * CONTRACT of the bulk-audit engine (issue: audit engine). The engine lives in core/audit/ and knows
 * no host; the pane (Excel task pane, Sheets sidebar) and the CLI call it through these types.
 * See DESIGN.md "Data flow of one audit".
 */
import type { RateCard } from '../rates';
import type { Lang, Text } from '../text';

/** The columns an audit can use. Which rules run depends on which of these are mapped. */
export type Field =
  | 'orderId'
  | 'destination'
  | 'paidAt'
  | 'uploadedAt'
  | 'carrier'
  | 'trackingNumber'
  | 'firstScanAt'
  | 'lastEventAt'
  | 'deliveredAt'
  | 'eventCount'
  | 'events'
  | 'orderAmount'
  | 'appeal'
  | 'uploadFailures'
  | 'commercialInvoice'
  | 'taxId'
  | 'giftWeight'
  | 'nfe'
  | 'giftShippedAt'
  | 'giftConfirmedAt'
  | 'labelCode'
  | 'giftStatus'
  | 'giftThreshold'
  // [G-PACK] own (non-platform) packaging and its pre-approval
  | 'ownPackaging'
  | 'packagingApproved'
  // [G-REVIEW] gift-SKU review columns (a gift-SKU sheet, or gift columns of an order export)
  | 'giftSku'
  | 'skuCategory'
  | 'packagingMarks'
  | 'skuDocuments'
  /** Currency of the amounts (币种, Currency): an amount in another currency than USD is a DATA finding. */
  | 'currency';

/** Field → 0-based column index in the header row. */
export type ColumnMapping = Partial<Record<Field, number>>;

export interface MappingResult {
  mapping: ColumnMapping;
  /** Header texts that matched no field (shown to the user so they can map them). */
  unmatched: { column: number; header: string }[];
  /** Required fields without a column: the audit cannot run (one clear error). */
  missingRequired: Field[];
  /** Rules that will be skipped, and the fields they would need. */
  skippedRules: { rule: string; missing: Field[] }[];
  /** Fields taken from a stand-in column (the buyer's chosen service as the carrier), and why. Additive. */
  fallbacks?: { field: Field; column: number; header: string; why: Text }[];
  /** Unmatched headers that nearly name a field no column has ("运单" → trackingNumber): the map hint. Additive. */
  nearMatches?: { column: number; header: string; field: Field }[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** 1-based row number in the source sheet (header is row 1 unless the source starts lower). */
  row: number;
  orderId: string;
  /** RULES.md id, e.g. 'X-PEN-TIMEOUT'. */
  rule: string;
  severity: Severity;
  message: Text;
  costCny: number;
  costUsd: number;
  /** ISO-2 destination or '' when unknown. */
  country: string;
  /** ISO week of the order's payment (or gift shipment), e.g. '2024-W23', or '' when no date. */
  week: string;
  /** The order's carrier and tracking number as written (one per line for an order shipped in parts). Additive. */
  carrier?: string;
  tracking?: string;
}

export interface ChartSpec {
  /** Sheet whose table the chart plots (the Weekly output sheet). */
  sheet: string;
  title: Text;
  kind: 'column';
  /** 0-based column of the category labels (ISO weeks) in that table; data starts at row 2. */
  categoryColumn: number;
  /** 0-based columns plotted as series; the header row names them. */
  seriesColumns: number[];
  /**
   * Of seriesColumns, those plotted against a secondary value axis (another unit, e.g. penalties in
   * USD next to gift fees in CNY). Optional, additive: absent = one axis.
   */
  secondaryAxisColumns?: number[];
  /** Number of data rows (excluding the header). */
  rows: number;
  /**
   * The report's language: hosts title the chart in it (else in their display language). Optional,
   * additive: the pane sets it, as the report's sheets may be in another language than the host's.
   */
  lang?: Lang;
}

export interface AuditProgress {
  phase: 'read' | 'audit' | 'write';
  done: number;
  total: number;
}

export interface AuditOptions {
  /** User overrides: field → column index, or null to unmap a detected column. */
  overrides?: Partial<Record<Field, number | null>>;
  /** Rate card to use (default: the built-in card in force on each order's payment date). */
  card?: RateCard;
  /**
   * Where `card` came from, shown next to its id in the Summary so a user's card is never taken for
   * the built-in one: the CLI passes the --rates file name, the pane the sheet name. Additive;
   * ignored without `card`.
   */
  cardLabel?: string;
  /** "Now" for open orders (stall, timeout): wall-clock ms read as UTC, like every core time; default localWallNow() (the local wall clock, not Date.now()). */
  now?: number;
  lang?: Lang;
  /**
   * IANA time zone of the file's times (e.g. "America/Los_Angeles" for AliExpress exports read in US
   * Pacific time): without `now`, "now" is the wall clock there; named in the Summary. Additive;
   * default: this machine's zone.
   */
  timeZone?: string;
  /** 1-based sheet row of the header (default 1): findings report sheet rows. */
  headerRow?: number;
}

/**
 * Number formats of one output table, by 0-based column, for its data rows (every row but the
 * first); only number cells take them. Every host (Excel, Sheets, CLI) applies exactly these.
 */
export interface TableFormat {
  /** Money, 2 decimals (#,##0.00). */
  moneyColumns?: number[];
  /** Shares held as fractions (0.125), shown as 0.0%. */
  percentColumns?: number[];
}

/** The output tables, each a plain 2-D array with a header row, in the chosen language. */
export interface ReportTables {
  findings: unknown[][];
  summary: unknown[][];
  weekly: unknown[][];
  /** How each table's number columns are formatted (additive; buildTables always sets it). */
  formats?: { findings?: TableFormat; summary?: TableFormat; weekly?: TableFormat };
}

export interface AuditReport {
  mapping: MappingResult;
  findings: Finding[];
  /** Non-empty data rows read (an order listed once per SKU has several rows). */
  rowsAudited: number;
  /** Rows with at least one finding that counts (info findings do not). */
  rowsAffected: number;
  /** Distinct orders audited (rows sharing an order id are one order; a row without an id is its own). Additive. */
  ordersAudited?: number;
  /** Orders with at least one finding that counts (not info). Additive. */
  ordersAffected?: number;
  totals: { giftFeesCny: number; penaltiesUsd: number };
  tables: ReportTables;
  chart: ChartSpec;
  /** 1-based source rows with an error-severity finding (for highlighting). */
  badRows: number[];
  /** Report-level notes (e.g. orders dated before the first rate card). Additive. */
  notes?: Text[];
  /** Set when the table could not be audited at all (see AuditSession.error); the report is then empty. Additive. */
  error?: Text;
  /**
   * A streaming audit (createAudit with onFinding, core/audit/session.ts StreamOptions): how many
   * findings went to onFinding. `findings` then holds only those decided at finish, and
   * tables.findings only its header row. Absent otherwise. Additive.
   */
  findingsStreamed?: number;
}

/** Output sheet names (the hosts replace their own previous output, never a user's sheet). */
export const OUTPUT_SHEETS = { findings: 'Findings', summary: 'Summary', weekly: 'Weekly' } as const;

/**
 * The output sheets' names as the user sees them, per report language ("Findings" / "审核结果"). The
 * hosts get the name with the table (writeSheet(name, …)), so a Chinese report has Chinese sheet names.
 */
export const OUTPUT_SHEET_NAMES: Record<keyof typeof OUTPUT_SHEETS, Text> = {
  findings: { en: 'Findings', zh: '审核结果' },
  summary: { en: 'Summary', zh: '汇总' },
  weekly: { en: 'Weekly', zh: '每周费用' },
};

/** The sheet "Insert rate card" creates (a new sheet; "(2)", "(3)"… when taken). */
export const RATE_CARD_SHEET: Text = { en: 'AE Rate Card', zh: 'AE 费率卡' };

export const outputSheetName = (key: keyof typeof OUTPUT_SHEETS, lang: Lang): string => (lang === 'zh' ? OUTPUT_SHEET_NAMES[key].zh : OUTPUT_SHEET_NAMES[key].en);
