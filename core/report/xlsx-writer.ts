/**
 * A small streaming .xlsx writer for the report workbooks (issue 12), the CLI's and the browser
 * app's: rows go straight to XML text, the XML to a deflate stream, the stream to a byte sink (a
 * file in the CLI, memory in the browser), so writing costs about what the cells cost and memory stays
 * flat however many rows there are. It writes exactly what the report needs: inline strings, numbers,
 * booleans; a fixed set of shared styles (bold, bold red, titles, money, percent); column widths, a
 * frozen header row, an auto-filter and one PNG image per sheet. Pure: fflate only (the CLI passes
 * Node's native deflate for speed, cli/xlsx-file.ts).
 *
 * Text longer than Excel's 32,767-character cell limit is cut with the cut marked (capCell).
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { capCell } from '../audit/report';
import { PERCENT_FORMAT } from '../audit/about';

/** Where the workbook's bytes go, in order. */
export interface ByteSink {
  write(chunk: Uint8Array): void;
}

/** A zip entry the writer pushes bytes into. */
export type ZipEntry = ZipDeflate | ZipPassThrough;
/** A deflated zip entry for `name` at `level` (default: fflate's, in JavaScript). */
export type DeflatedEntry = (name: string, level: number) => ZipEntry;
const jsDeflate: DeflatedEntry = (name, level) => new ZipDeflate(name, { level: level as 1 | 6 });

/** The cell styles this writer knows (indices into styles.xml cellXfs). */
export const STYLE = { normal: 0, bold: 1, boldRed: 2, money: 3, title: 4, heading: 5, percent: 6 } as const;
export type StyleId = (typeof STYLE)[keyof typeof STYLE];

export interface SheetSpec {
  readonly name: string;
  /** Column widths in characters, by 0-based column (undefined: default). */
  readonly widths?: readonly (number | undefined)[];
  /** Freeze row 1 and put an auto-filter over the written rows. */
  readonly frozenHeader?: boolean;
  readonly filter?: boolean;
  /** Number cells of these 0-based columns (rows 2+) get the money (#,##0.00) / percent (0.0%) format. */
  readonly moneyColumns?: readonly number[];
  readonly percentColumns?: readonly number[];
  /** A picture anchored at (col, row), 0-based, fractional rows allowed; size in pixels. */
  readonly image?: { readonly png: Uint8Array; readonly col: number; readonly row: number; readonly width: number; readonly height: number };
}

const COLS: string[] = [];
const colName = (c: number): string => {
  let s = COLS[c];
  if (s !== undefined) return s;
  s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return (COLS[c] = s);
};

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** XML text: & < > " escaped; characters XML 1.0 cannot hold dropped (control chars) or replaced (lone surrogates). */
export function xmlText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const EMU_PER_PX = 9525;
// Money cells use Excel's built-in number format 4, which is '#,##0.00' (MONEY_FORMAT); percent cells
// the custom format 164 = PERCENT_FORMAT.
const ROW_EMU = 190_500; // a default 15 pt row

const STYLES = `${HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="${PERCENT_FORMAT}"/></numFmts><fonts count="5"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><color rgb="FFC00000"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="12"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="4" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Text is encoded and deflated in pieces of about this many characters. */
const FLUSH_AT = 1 << 18;

/** One sheet being written: rows in order, then end(). */
export class SheetWriter {
  private buf = '';
  private rowsWritten = 0;
  private maxCol = 0;
  private readonly fmt: (StyleId | undefined)[] = [];

  constructor(
    private readonly file: ZipEntry,
    readonly spec: SheetSpec,
    readonly index: number,
    private readonly onEnd: (rows: number, cols: number) => void,
  ) {
    for (const c of spec.moneyColumns ?? []) this.fmt[c] = STYLE.money;
    for (const c of spec.percentColumns ?? []) this.fmt[c] = STYLE.percent;
    let head = `${HEAD}<worksheet ${NS}>`;
    if (spec.frozenHeader) head += '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>';
    else head += '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    head += '<sheetFormatPr defaultRowHeight="15"/>';
    const w = spec.widths ?? [];
    if (w.some((x) => x !== undefined)) {
      head += '<cols>';
      w.forEach((x, i) => {
        if (x !== undefined) head += `<col min="${i + 1}" max="${i + 1}" width="${x}" customWidth="1"/>`;
      });
      head += '</cols>';
    }
    this.buf = head + '<sheetData>';
  }

  get rows(): number {
    return this.rowsWritten;
  }

  /**
   * One row. `style` applies to every cell of the row (bold headers, titles); `cellStyle` (column, value)
   * may pick a style for one cell (the red severity "error"). Number cells of money / percent columns
   * below the header get their format. null, undefined and "" leave the cell empty.
   */
  row(values: readonly unknown[], style: StyleId = STYLE.normal, cellStyle?: (col: number, v: unknown) => StyleId | undefined): void {
    const r = ++this.rowsWritten;
    let x = `<row r="${r}">`;
    const n = values.length;
    if (n > this.maxCol) this.maxCol = n;
    for (let c = 0; c < n; c++) {
      const v = values[c];
      if (v === null || v === undefined || v === '') continue;
      let s: number = style;
      const own = cellStyle?.(c, v);
      if (own !== undefined) s = own;
      const ref = colName(c) + r;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) continue;
        if (s === STYLE.normal && r > 1) s = this.fmt[c] ?? 0;
        x += s ? `<c r="${ref}" s="${s}"><v>${v}</v></c>` : `<c r="${ref}"><v>${v}</v></c>`;
      } else if (typeof v === 'boolean') {
        x += `<c r="${ref}"${s ? ` s="${s}"` : ''} t="b"><v>${v ? 1 : 0}</v></c>`;
      } else {
        const t = xmlText(capCell(v instanceof Date ? (Number.isNaN(v.getTime()) ? '' : v.toISOString()) : String(v)));
        const sp = t.charCodeAt(0) <= 32 || t.charCodeAt(t.length - 1) <= 32 ? ' xml:space="preserve"' : '';
        x += `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><is><t${sp}>${t}</t></is></c>`;
      }
    }
    this.buf += x + '</row>';
    if (this.buf.length >= FLUSH_AT) this.flush(false);
  }

  private flush(final: boolean) {
    this.file.push(strToU8(this.buf), final);
    this.buf = '';
  }

  /** The filter range ("A1:I85"), once the rows are written. */
  filterRef(): string | undefined {
    return this.spec.filter && this.rowsWritten > 1 && this.maxCol > 0 ? `A1:${colName(this.maxCol - 1)}${this.rowsWritten}` : undefined;
  }

  end(): void {
    let tail = '</sheetData>';
    const ref = this.filterRef();
    if (ref) tail += `<autoFilter ref="${ref}"/>`;
    if (this.spec.image) tail += '<drawing r:id="rId1"/>';
    this.buf += tail + '</worksheet>';
    this.flush(true);
    this.onEnd(this.rowsWritten, this.maxCol);
  }
}

/**
 * The workbook, streamed to `sink`. Sheets one after another: sheet(spec) → rows → end(); then
 * close(). abort() stops the stream (the sink's owner discards what it got).
 */
export class XlsxWriter {
  private readonly zip: Zip;
  private readonly sheets: { spec: SheetSpec; filter?: string }[] = [];
  private current: SheetWriter | undefined;
  private error: unknown;
  protected closed = false;

  constructor(
    sink: ByteSink,
    private readonly meta: { creator?: string; created?: Date } = {},
    private readonly deflated: DeflatedEntry = jsDeflate,
  ) {
    this.zip = new Zip((err, chunk) => {
      if (err) {
        this.error = err;
        return;
      }
      sink.write(chunk);
    });
  }

  private check() {
    if (this.error) throw this.error;
    if (this.closed) throw new Error('the workbook is closed');
  }

  sheet(spec: SheetSpec): SheetWriter {
    this.check();
    if (this.current) throw new Error(`sheet ${this.current.spec.name} is not ended`);
    const index = this.sheets.length + 1;
    const entry = { spec } as { spec: SheetSpec; filter?: string };
    this.sheets.push(entry);
    const f = this.deflated(`xl/worksheets/sheet${index}.xml`, 1);
    this.zip.add(f);
    const w = new SheetWriter(f, spec, index, () => {
      entry.filter = w.filterRef();
      this.current = undefined;
    });
    this.current = w;
    return w;
  }

  private put(name: string, text: string | Uint8Array, deflate = true) {
    const f = deflate ? this.deflated(name, 6) : new ZipPassThrough(name);
    this.zip.add(f);
    f.push(typeof text === 'string' ? strToU8(text) : text, true);
  }

  /** The workbook parts around the sheets; then the zip directory; the file is closed. */
  close(): void {
    this.check();
    if (this.current) this.current.end();
    const sheets = this.sheets;
    const quote = (n: string) => `'${n.replace(/'/g, "''")}'`;
    const abs = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    const defined = sheets
      .map((s, i) => (s.filter ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(quote(s.spec.name))}!${abs(s.filter)}</definedName>` : ''))
      .join('');
    this.put(
      'xl/workbook.xml',
      `${HEAD}<workbook ${NS}><workbookPr/><bookViews><workbookView/></bookViews><sheets>${sheets
        .map((s, i) => `<sheet name="${xmlText(s.spec.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets>${defined ? `<definedNames>${defined}</definedNames>` : ''}</workbook>`,
    );
    this.put(
      'xl/_rels/workbook.xml.rels',
      `${HEAD}<Relationships ${REL_NS}>${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${OFFICE_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}<Relationship Id="rId${sheets.length + 1}" Type="${OFFICE_REL}/styles" Target="styles.xml"/></Relationships>`,
    );
    this.put('xl/styles.xml', STYLES);
    let drawings = 0;
    sheets.forEach((s, i) => {
      const img = s.spec.image;
      if (!img) return;
      const d = ++drawings;
      this.put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, `${HEAD}<Relationships ${REL_NS}><Relationship Id="rId1" Type="${OFFICE_REL}/drawing" Target="../drawings/drawing${d}.xml"/></Relationships>`);
      this.put(`xl/drawings/_rels/drawing${d}.xml.rels`, `${HEAD}<Relationships ${REL_NS}><Relationship Id="rId1" Type="${OFFICE_REL}/image" Target="../media/image${d}.png"/></Relationships>`);
      const row = Math.floor(img.row);
      const rowOff = Math.round((img.row - row) * ROW_EMU);
      this.put(
        `xl/drawings/drawing${d}.xml`,
        `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:oneCellAnchor editAs="oneCell"><xdr:from><xdr:col>${img.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>${rowOff}</xdr:rowOff></xdr:from><xdr:ext cx="${img.width * EMU_PER_PX}" cy="${img.height * EMU_PER_PX}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${d + 1}" name="Picture ${d}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${OFFICE_REL}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${img.width * EMU_PER_PX}" cy="${img.height * EMU_PER_PX}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
      );
      // Deflated, not stored: fflate streams every entry with a data descriptor, and SheetJS cannot
      // find the end of a stored entry that has one ("Bad compressed size" on the whole report).
      this.put(`xl/media/image${d}.png`, img.png);
    });
    const created = (this.meta.created ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    this.put(
      'docProps/core.xml',
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlText(this.meta.creator ?? '')}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
    );
    this.put(
      '_rels/.rels',
      `${HEAD}<Relationships ${REL_NS}><Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    );
    const ct = 'application/vnd.openxmlformats-officedocument';
    this.put(
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>${sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`)
        .join('')}<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>${Array.from({ length: drawings }, (_, i) => `<Override PartName="/xl/drawings/drawing${i + 1}.xml" ContentType="${ct}.drawing+xml"/>`).join('')}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    );
    this.zip.end();
    this.check();
    this.closed = true;
  }

  /** Stop writing (a failed or interrupted write: the sink's owner discards what it got). */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.zip.terminate();
    } catch {
      /* already ended */
    }
  }
}
