import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/browser/esm/sync';
import { fastParse, fastRecords } from '../../core/io/csv-fast';

const OPTS = { relax_column_count: true, bom: true, skip_empty_lines: false };
const slow = (text: string, sep: string): string[][] | 'error' => {
  try {
    return parse(text, { ...OPTS, delimiter: sep }) as string[][];
  } catch {
    return 'error';
  }
};

// Text made of the characters that matter to a CSV parser, and some that do not.
const piece = fc.constantFrom(',', ';', '"', '""', '\n', '\r\n', '\r', 'a', 'b c', '订单', ' ', '\t', '1', '\ufeff');
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
// Well-formed CSV: cells quoted when needed, one line-break style.
const cell = fc.oneof(fc.constantFrom('', 'x', '1,5', 'a"b', 'line\none', '运单号', ' sp ', 'q""'), fc.string({ maxLength: 6 }));
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const table = fc.tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([rows, eol, last]) => rows.map((r) => r.map(quote).join(',')).join(eol) + (last && rows.length ? eol : ''));

describe('fast CSV path = csv-parse wherever it answers', () => {
  it('random text: the same rows, or the fast path declines (csv-parse decides)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';', '\t'), (t, sep) => {
        const fast = fastParse(t, sep);
        if (fast !== undefined) expect(fast).toEqual(slow(t, sep));
      }),
      { numRuns: 4000 },
    );
  });

  it('well-formed CSV is always taken by the fast path, with the same rows', () => {
    fc.assert(
      fc.property(table, (t) => {
        const s = slow(t, ',');
        if (s === 'error') return; // a generated cell with a lone CR or a stray quote
        const fast = fastParse(t, ',');
        if (!/\r(?!\n)/.test(t) && !(t.includes('\r\n') && /(?<!\r)\n/.test(t.replace(/"(?:[^"]|"")*"/g, '')))) expect(fast).toBeDefined();
        if (fast) expect(fast).toEqual(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('cut anywhere, parsed in two calls: the same rows as one call', () => {
    fc.assert(
      fc.property(table, fc.nat(), (t, cut) => {
        const whole = fastParse(t, ',');
        if (!whole) return;
        const at = t.length ? cut % (t.length + 1) : 0;
        const st = { eol: 0 as 0 | 1 | 2 };
        const out: string[][] = [];
        const a = fastRecords(t.slice(0, at), 0, ',', st, Infinity, false, out);
        expect(a.bail).toBe(false);
        const rest = t.slice(a.end);
        const b = fastRecords(rest, 0, ',', st, Infinity, true, out);
        expect(b.bail).toBe(false);
        expect(out).toEqual(whole);
        expect(a.lines + b.lines).toBe(whole.length === 0 ? 0 : (t.match(/\n/g) ?? []).length + (t.endsWith('\n') ? 0 : 0));
      }),
      { numRuns: 2000 },
    );
  });

  it('irregular text is declined at the record where it starts', () => {
    const out: string[][] = [];
    const r = fastRecords('a,b\n1,2" box\n3,4\n', 0, ',', { eol: 0 }, Infinity, true, out);
    expect(r).toEqual({ end: 4, lines: 1, bail: true });
    expect(out).toEqual([['a', 'b']]);
    expect(fastParse('a\n"x"y\n', ',')).toBeUndefined();
    expect(fastParse('a\n"open\n', ',')).toBeUndefined();
    expect(fastParse('a\rb\r', ',')).toBeUndefined();
  });
});
