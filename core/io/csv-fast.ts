/**
 * The fast path of the CSV reader (issue 12): well-formed RFC 4180 text parsed with a plain scan
 * (indexOf for quoted cells), about 5–10× faster than csv-parse, which reads byte by byte (and in
 * the browser build through a Buffer polyfill). It gives EXACTLY csv-parse's rows for the text it
 * accepts (the options core/io/read.ts uses: relax_column_count, no trimming, empty lines kept as
 * [''], the record delimiter the first line break found) and accepts only text where that is sure:
 * on anything irregular (a quote inside an unquoted cell, text after a closing quote, a quote never
 * closed, a lone CR, line breaks that change between LF and CRLF) it stops and says where, and the
 * caller hands the rest to csv-parse, which stays the authority for every error message and line.
 * test/io/csv-fast.test.ts compares the two on generated text.
 */

/** Line-break state shared by the calls over one text: 0 = not seen yet, 1 = LF, 2 = CRLF. */
export interface CsvEol {
  eol: 0 | 1 | 2;
}

export interface FastRecords {
  /** Position after the last complete record parsed (where the next call starts). */
  end: number;
  /** Line breaks (LF) consumed, quoted ones included: the physical lines of the records parsed. */
  lines: number;
  /** True when parsing stopped at `end` on text the fast path does not accept (csv-parse decides from there). */
  bail: boolean;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Parse up to `max` records of `text` from `from` into `out`. `final` = the text ends the file (a
 * record may end at the end of the text); otherwise a record cut by the end of the text is left
 * for the next call (`end` stops before it).
 */
export function fastRecords(text: string, from: number, sep: string, st: CsvEol, max: number, final: boolean, out: string[][]): FastRecords {
  const len = text.length;
  const S = sep.charCodeAt(0);
  let p = from; // start of the current record
  let lines = 0;
  let n = 0;
  record: while (p < len && n < max) {
    let i = p;
    let nl = 0; // line breaks inside quoted cells of this record
    const row: string[] = [];
    for (;;) {
      // One cell starting at i.
      let c = i < len ? text.charCodeAt(i) : -1;
      if (c === QUOTE) {
        let seg = i + 1;
        let val = '';
        for (;;) {
          const k = text.indexOf('"', seg);
          if (k < 0) return final ? { end: p, lines, bail: true } : { end: p, lines, bail: false };
          if (k + 1 >= len && !final) return { end: p, lines, bail: false };
          if (text.charCodeAt(k + 1) === QUOTE) {
            val += text.slice(seg, k + 1);
            seg = k + 2;
            continue;
          }
          val += text.slice(seg, k);
          i = k + 1;
          break;
        }
        for (let j = val.indexOf('\n'); j >= 0; j = val.indexOf('\n', j + 1)) nl++;
        row.push(val);
        c = i < len ? text.charCodeAt(i) : -1;
        if (c !== S && c !== LF && c !== CR && c !== -1) return { end: p, lines, bail: true };
      } else {
        let j = i;
        while (j < len) {
          c = text.charCodeAt(j);
          if (c === S || c === LF || c === CR || c === QUOTE) break;
          j++;
        }
        if (j >= len) c = -1;
        else if (c === QUOTE) return { end: p, lines, bail: true };
        row.push(text.slice(i, j));
        i = j;
      }
      // After the cell: a separator, a line break or the end of the text.
      if (c === S) {
        i++;
        if (i >= len && !final) return { end: p, lines, bail: false };
        continue;
      }
      if (c === -1) {
        if (!final) return { end: p, lines, bail: false };
        out.push(row);
        n++;
        lines += nl;
        p = len;
        continue record;
      }
      if (c === CR) {
        if (i + 1 >= len && !final) return { end: p, lines, bail: false };
        if (text.charCodeAt(i + 1) !== LF) return { end: p, lines, bail: true };
        if (st.eol === 0) st.eol = 2;
        else if (st.eol !== 2) return { end: p, lines, bail: true };
        i += 2;
      } else {
        if (st.eol === 0) st.eol = 1;
        else if (st.eol !== 1) return { end: p, lines, bail: true };
        i += 1;
      }
      out.push(row);
      n++;
      lines += nl + 1;
      p = i;
      continue record;
    }
  }
  return { end: p, lines, bail: false };
}

/** All records of a whole text, or undefined when the fast path does not accept it (csv-parse decides). A leading BOM is skipped, as csv-parse's `bom` option does. */
export function fastParse(text: string, sep: string): string[][] | undefined {
  const out: string[][] = [];
  const r = fastRecords(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, sep, { eol: 0 }, Infinity, true, out);
  return r.bail ? undefined : out;
}
