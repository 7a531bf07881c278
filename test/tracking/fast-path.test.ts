/**
 * TRACK_VALID's fast path (issue 12) gives exactly the full check's verdict [X-FORMAT]: the layouts
 * that read a number by offsets, the checksums over offsets, the per-range carrier reader and the
 * call layer's column loop, against checkTrackingCell(...).valid and the general per-cell path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callFunction } from '../../core/catalogue/call';
import { getFunction } from '../../core/functions';
import { isRuleError, valueError } from '../../core/errors';
import { checkTrackingCell, isValidByPattern, isValidTrackingCell, trackValidReader, trackingTable } from '../../core/tracking';
import { checkIndex, weightedCheck, weightedCheckAt, type ChecksumParams } from '../../core/tracking/checksums';
import { compileLayouts, compileNotPrefix } from '../../core/tracking/layout';

const table = trackingTable();
const formats = [...table.formats.values()];
/** Strings in the shape of a format (fast-check cannot generate look-aheads: they are dropped, so some strings miss). */
const shaped = (pattern: string) => fc.stringMatching(new RegExp(`^(?:${pattern.replace(/\(\?[=!][^)]*\)/g, '').replace(/\(\?<\w+>/g, '(')})$`));
const mutate = (a: fc.Arbitrary<string>) =>
  fc.tuple(a, fc.nat(60), fc.constantFrom('0', '1', '7', '9', 'A', 'E', 'J', 'Z', ' ', '', 'a', '-')).map(([s, i, ch]) => {
    const k = i % (s.length + 1);
    return s.slice(0, k) + ch + s.slice(k + 1);
  });

describe('[X-FORMAT] layouts read a number like the regex does', () => {
  it('every format of the table has layouts (the fast path is used), and each length agrees with the regex groups', () => {
    for (const f of formats) {
      const groups = [f.idx.serial, f.idx.cd, f.idx.service, f.idx.country, f.idx.container].map((g) => g || -1);
      const layouts = compileLayouts(f.pattern, f.max, groups);
      expect(layouts, f.id).toBeDefined();
      fc.assert(
        fc.property(fc.oneof(shaped(f.pattern), mutate(shaped(f.pattern))), (s) => {
          const lay = s.length <= f.max ? layouts![s.length] : null;
          const m = f.reN.exec(s);
          if (lay === null) {
            expect(m, `${f.id} ${s}`).toBeNull();
            return;
          }
          if (lay === undefined) return; // ambiguous groups at this length: the regex is used
          if (lay.mask && /^[0-9A-Z]*$/.test(s)) {
            let ok = true;
            for (let i = 0; i < s.length; i++) if (lay.mask[i * 37 + '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(s[i])] === 0) ok = false;
            expect(ok, `${f.id} ${s}`).toBe(m !== null);
          }
          if (!m) return;
          groups.forEach((g, j) => {
            if (g < 0) return;
            const want = m[g] ?? '';
            const got = lay.at[2 * j] < 0 ? '' : s.slice(lay.at[2 * j], lay.at[2 * j + 1]);
            expect(got, `${f.id} ${s} group ${g}`).toBe(want);
          });
        }),
        { numRuns: 300 },
      );
    }
  });
  it('syntax the reader does not know gives no layout (the regex stays in charge)', () => {
    expect(compileLayouts('(A)\\1', 10, [1])).toBeUndefined();
    expect(compileLayouts('(?:(A)){2}', 10, [1])).toBeUndefined();
    expect(compileLayouts('A+?', 10, [])).toBeUndefined();
    // Two ways to split the groups at one length: that length is left to the regex.
    const l = compileLayouts('(?<a>[0-9]{1,2})(?<b>[0-9]{1,2})', 4, [1, 2])!;
    expect(l[3]).toBeUndefined();
    expect(l[2]).toBeDefined();
  });
});

describe('[X-FORMAT] prepend_if by position equals its regex on the serial', () => {
  it('for every prepend_if of the table, on random serials', () => {
    const pre = formats.filter((f) => f.prepend).map((f) => f.prepend!.re);
    expect(pre.length).toBeGreaterThan(0);
    for (const re of pre) {
      const test = compileNotPrefix(re.source);
      expect(test, re.source).toBeDefined();
      fc.assert(
        fc.property(fc.stringMatching(/^[0-9A-Z]{0,30}$/), fc.nat(30), fc.nat(30), (s, a, b) => {
          const from = Math.min(a, b, s.length);
          const to = Math.min(Math.max(a, b), s.length);
          expect(test!(s, from, to), `${re.source} ${s.slice(from, to)}`).toBe(re.test(s.slice(from, to)));
        }),
        { numRuns: 2000 },
      );
      for (const serial of ['', '9', '91', '95', '96', '4', '41', '5', '0']) expect(test!(serial, 0, serial.length)).toBe(re.test(serial));
    }
    expect(compileNotPrefix('^A|B')).toBeUndefined();
  });
});

describe('[X-FORMAT] checksums as weighted sums equal the string versions', () => {
  const params = new Map<string, ChecksumParams>();
  for (const f of formats) if (f.checksum) params.set(JSON.stringify(f.checksum), f.checksum);
  const prefixes = ['', ...new Set(formats.filter((f) => f.prepend).map((f) => f.prepend!.content))];
  it('weightedCheckAt over a serial inside a string = the check character of checkIndex(prefix + serial)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...params.values()), fc.constantFrom(...prefixes), fc.stringMatching(/^[0-9A-Z]{0,40}$/), fc.nat(40), fc.nat(40), (p, prefix, s, a, b) => {
        const from = Math.min(a, b, s.length);
        const to = Math.min(Math.max(a, b), s.length);
        const k = checkIndex(p, prefix + s.slice(from, to));
        const sum = weightedCheck(p, to - from, prefix);
        if (p.name === 'luhn' || p.name === 'mod_37_36') {
          expect(sum).toBeUndefined();
          return;
        }
        expect(sum, p.name).toBeDefined();
        const want = k >= 0 && k < 36 ? '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.charCodeAt(k) : 0;
        expect(weightedCheckAt(sum!, s, from), `${JSON.stringify(p)} ${prefix}+${s.slice(from, to)}`).toBe(want);
      }),
      { numRuns: 5000 },
    );
  });
  it('every parameter shape the schema allows: reversed mod10 with odd/even multipliers, other s10 weights, other moduli', () => {
    const shapes = fc.oneof(
      fc.record({ name: fc.constant('mod10' as const), evens_multiplier: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }), odds_multiplier: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }), reverse: fc.boolean() }),
      fc.record({ name: fc.constant('mod7' as const) }),
      fc.record({ name: fc.constant('s10' as const), weightings: fc.option(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 12 }), { nil: undefined }) }),
      fc.record({ name: fc.constant('sum_product_with_weightings_and_modulo' as const), weightings: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 40 }), modulo1: fc.integer({ min: 2, max: 50 }), modulo2: fc.integer({ min: 2, max: 50 }) }),
    );
    fc.assert(
      fc.property(shapes, fc.constantFrom(...prefixes, 'A', '7Z'), fc.stringMatching(/^[0-9A-Z]{0,34}$/), (p, prefix, s) => {
        const k = checkIndex(p, prefix + s);
        const want = k >= 0 && k < 36 ? '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.charCodeAt(k) : 0;
        expect(weightedCheckAt(weightedCheck(p, s.length, prefix)!, s, 0), `${JSON.stringify(p)} ${prefix}+${s}`).toBe(want);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('[X-FORMAT] the fast verdict equals the full check for every carrier and format', () => {
  const carriers = table.carriers.map((c) => c.main ?? c.label.en);
  it('isValidTrackingCell and trackValidReader = checkTrackingCell(...).valid on numbers in every format', () => {
    const numbers = fc.oneof(...formats.map((f) => fc.oneof(shaped(f.pattern), mutate(shaped(f.pattern)))));
    fc.assert(
      fc.property(fc.constantFrom(...carriers, 'DHL_ES', 'nope', ' DHL', ''), numbers, (c, x) => {
        const want = checkTrackingCell(c, x).valid;
        expect(isValidTrackingCell(c, x), `${c} ${x}`).toBe(want);
        // The Sheets build's verdict (pattern checks, no offsets): the same.
        expect(isValidByPattern(c, x), `${c} ${x}`).toBe(want);
        const read = trackValidReader()(c, x);
        if (read !== undefined) expect(read, `${c} ${x}`).toBe(want);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('[X-FORMAT] every one-character change of valid numbers gets the full check\'s verdict', () => {
  it('each position × each of 0-9, A-Z, space, lower-case, deleted, for every carrier', () => {
    const valid = ['3318810025', 'RB123456785CN', 'EA123456785CN', 'KA123456785CN', 'JA123456785CN', 'RB123456785US', 'AC550032883YN', 'YT2229521272164446', '1Z5R89390357567127', 'LP00068434402473', '9400111201080805483016', '73891051146', 'JJD0099999999', '986578788855', '041441760228964', '0012345678901234567', '00123456789012345675'];
    const chars = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', ' ', 'a', ''];
    let checked = 0;
    for (const c of table.carriers.map((x) => x.main ?? x.label.en)) {
      for (const v of valid) {
        for (let i = 0; i < v.length; i++) {
          for (const ch of chars) {
            const x = v.slice(0, i) + ch + v.slice(i + 1);
            const want = checkTrackingCell(c, x).valid;
            if (isValidTrackingCell(c, x) !== want) expect.fail(`${c} ${x}: fast ${!want}, full ${want}`);
            if (isValidByPattern(c, x) !== want) expect.fail(`${c} ${x}: by pattern ${!want}, full ${want}`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});

describe('TRACK_VALID: the column fast path equals the per-cell path', () => {
  const def = getFunction('TRACK_VALID')!;
  const cellOf = fc.oneof(
    fc.constantFrom('DHL', 'China Post', 'UPS', 'FedEx', 'USPS', 'EMS', 'nope', ' DHL', '', '  ', null, 3318810025, true),
    fc.constantFrom('3318810025', '3318 810025', 'RB123456785CN', '1Z5R89390357567127', '9400111201080805483016', '986578788855', '', 'x'),
    fc.constant(new Date(2024, 5, 1)),
    fc.constant(valueError('bad cell', '坏单元格')),
  );
  it('a column call gives, row by row, what one call per row gives (blank rows blank, errors as errors)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cellOf, cellOf), { minLength: 2, maxLength: 30 }), fc.boolean(), (rows, trim) => {
        const opts = { lang: 'en' as const, trimTrailingEmpty: trim };
        const args = [rows.map(([c]) => [c]), rows.map(([, n]) => [n])];
        const out = callFunction(def, args, opts) as unknown[][];
        expect(out).toEqual(callFunction({ ...def, fast: undefined }, args, opts));
        const alone = rows.map(([c, n]) => callFunction(def, [[[c], ['DHL']], [[n], ['3318810025']]], opts) as unknown[][]);
        expect(Array.isArray(out)).toBe(true);
        out.forEach((row, i) => {
          const want = alone[i][0][0];
          if (isRuleError(want)) expect(isRuleError(row[0])).toBe(true);
          expect(row[0]).toEqual(want);
        });
      }),
      { numRuns: 500 },
    );
  });
  it('a scalar carrier over a column of numbers: blank numbers stay blank, as the general path gives', () => {
    fc.assert(
      fc.property(fc.constantFrom('DHL', 'China Post', 'nope', ''), fc.array(fc.tuple(cellOf), { minLength: 2, maxLength: 30 }), fc.boolean(), (c, rows, trim) => {
        const opts = { lang: 'en' as const, trimTrailingEmpty: trim };
        const args = [c, rows.map(([n]) => [n])];
        expect(callFunction(def, args, opts)).toEqual(callFunction({ ...def, fast: undefined }, args, opts));
      }),
      { numRuns: 300 },
    );
    expect(callFunction(def, ['DHL', [['3318810025'], [''], [null], ['3318810025']]])).toEqual([[true], [''], [''], [true]]);
  });
  it('a 1-D array mixing rows and values (a Node caller) reads like the general path', () => {
    const args = [[['DHL'], 'DHL', ['UPS']], [['3318810025'], '3318810025', ['1Z5R89390357567127']]];
    const out = callFunction(def, args);
    expect(out).toEqual(callFunction({ ...def, fast: undefined }, args));
    // Each element is one row: ['DHL'] is then a range inside a cell (an error), 'DHL' a carrier.
    expect((out as unknown[][])[1]).toEqual([true]);
    expect(isRuleError((out as unknown[][])[0][0])).toBe(true);
  });
});
