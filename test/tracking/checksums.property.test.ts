/**
 * Property tests for every checksum format [X-FORMAT], with this file's own check-digit generators
 * (independent reference code: BigInt for mod 7, reduce-based sums, a toggling Luhn).
 * For each format: a generated valid number passes; a single-digit change inside the checked part
 * agrees with the reference, and is always caught where the algorithm guarantees it:
 * - mod10 with weights 1/3, Luhn, MOD 37,36: every single-digit substitution is caught.
 * - mod10 with weights 1/2 (UPS, OnTrac): caught unless the digit has weight 2 and moves by ±5.
 * - mod 7 (DHL): caught unless the digit moves by ±7 (7·10^k ≡ 0 mod 7).
 * - S10: caught unless S mod 11 moves between 0 and 6 (both give check digit 5).
 * - Σ w·d mod 11 mod 10 (FedEx): caught unless S mod 11 moves between 0 and 10 (both give 0).
 * - a change of the check digit itself is always caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFormat, checkTracking, UPU_COUNTRIES } from '../../core/tracking';

// ── reference check digits (written independently of core/tracking/checksums.ts) ──────────────────
const val = (c: string) => (/\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 3) % 10);
function refMod10(seq: string, evens: number, odds: number, reverse = false) {
  const chars = reverse ? [...seq].reverse() : [...seq];
  const total = chars.reduce((t, c, i) => t + val(c) * (i % 2 === 1 ? odds : evens), 0);
  return (10 - (total % 10)) % 10;
}
const refMod7 = (seq: string) => Number(BigInt(seq) % 7n);
const s10Sum = (seq: string) => [8, 6, 4, 2, 3, 5, 9, 7].reduce((t, w, i) => t + w * Number(seq[i]), 0) % 11;
const refS10 = (seq: string) => ({ 0: 5, 1: 0 })[s10Sum(seq) as 0 | 1] ?? 11 - s10Sum(seq);
function refLuhn(seq: string) {
  let sum = 0;
  let dbl = true; // the right-most serial digit is doubled (the check digit is not part of seq)
  for (let i = seq.length - 1; i >= 0; i--) {
    const d = Number(seq[i]) * (dbl ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
    dbl = !dbl;
  }
  return (10 - (sum % 10)) % 10;
}
const W317 = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];
const W173 = [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];
const spSum = (seq: string, w: number[]) => w.reduce((t, x, i) => t + x * Number(seq[i] ?? 0), 0) % 11;
const refSumProduct = (seq: string, w: number[]) => spSum(seq, w) % 10;
const A36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function refMod3736(seq: string) {
  let p = 36;
  for (const c of seq) {
    let s = (p % 37) + A36.indexOf(c);
    s = s % 36 || 36;
    p = (s * 2) % 37;
  }
  return A36[(37 - p) % 36];
}

type Guard = (oldSeq: string, newSeq: string, seqIndex: number, oldD: number, newD: number) => boolean;
const always: Guard = () => true;
const w12 = (evens: number, odds: number): Guard => (_o, _n, i, a, b) => !((i % 2 === 1 ? odds : evens) === 2 && Math.abs(a - b) === 5);
const not7: Guard = (_o, _n, _i, a, b) => Math.abs(a - b) !== 7;
const s10Guard: Guard = (o, n) => !([s10Sum(o), s10Sum(n)].sort().join() === '0,6');
const spGuard = (w: number[]): Guard => (o, n) => !([spSum(o, w), spSum(n, w)].sort((x, y) => x - y).join() === '0,10');

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const pick = (xs: string[]) => fc.constantFrom(...xs);
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const alnum = (n: number) => fc.array(fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')), { minLength: n, maxLength: n }).map((a) => a.join(''));

interface Spec {
  id: string;
  prefix: fc.Arbitrary<string>;
  serial: fc.Arbitrary<string>;
  suffix?: fc.Arbitrary<string>;
  /** serial as the checksum reads it (prepend_if) */
  seq?: (serial: string) => string;
  cd: (seq: string) => string | number;
  guard: Guard;
}
const c = (s: string) => fc.constant(s);
const SPECS: Spec[] = [
  { id: 'dhl_express', prefix: c(''), serial: fc.oneof(digits(9), digits(10)), cd: refMod7, guard: not7 },
  { id: 'fedex_12', prefix: c(''), serial: digits(11), cd: (s) => refSumProduct(s, W317), guard: spGuard(W317) },
  { id: 'fedex_34', prefix: fc.tuple(pick('012345678'.split('')), digits(19)).map(([a, b]) => a + b), serial: digits(13), cd: (s) => refSumProduct(s, W173), guard: spGuard(W173) },
  { id: 'fedex_astra_32', prefix: digits(15).map((d) => '3' + d), serial: digits(11), suffix: digits(4), cd: (s) => refSumProduct(s, W317), guard: spGuard(W317) },
  { id: 'fedex_ground_15', prefix: c(''), serial: digits(14), cd: (s) => refMod10(s, 1, 3), guard: always },
  { id: 'fedex_sscc18', prefix: pick(['00', '01', '02', '04']), serial: digits(15), cd: (s) => refMod10(s, 3, 1), guard: always },
  { id: 'fedex_ground_96', prefix: digits(5).map((d) => '96' + d), serial: digits(14), cd: (s) => refMod10(s, 1, 3), guard: always },
  { id: 'fedex_ground_gsn', prefix: digits(18).map((d) => '96' + d), serial: digits(13), cd: (s) => refSumProduct(s, W173), guard: spGuard(W173) },
  { id: 'ups_1z', prefix: c('1Z'), serial: alnum(15), cd: (s) => refMod10(s, 1, 2), guard: w12(1, 2) },
  { id: 'ups_waybill', prefix: pick(['A', 'H', 'J', 'K', 'T', 'V']), serial: digits(9), cd: (s) => refMod10(s, 1, 2), guard: w12(1, 2) },
  {
    id: 's10',
    prefix: fc.tuple(pick(LETTERS.filter((l) => l !== 'J' && l !== 'K')), pick(LETTERS)).map(([a, b]) => a + b),
    serial: digits(8),
    suffix: pick([...UPU_COUNTRIES]),
    cd: refS10,
    guard: s10Guard,
  },
  { id: 'yanwen_s10', prefix: fc.tuple(pick(LETTERS), pick(LETTERS)).map(([a, b]) => a + b), serial: digits(8), suffix: pick(['YN', 'YW']), cd: refS10, guard: s10Guard },
  { id: 'usps_20', prefix: c(''), serial: digits(19), cd: (s) => refMod10(s, 3, 1), guard: always },
  { id: 'usps_34v2', prefix: digits(9).map((d) => '420' + d), serial: fc.tuple(pick(['92', '93', '94', '95']), digits(19)).map(([a, b]) => a + b), cd: (s) => refMod10(s, 3, 1), guard: always },
  {
    // IMpb N: read from the right (reverse); 94… numbers of 22 digits
    id: 'usps_impb',
    prefix: c(''),
    serial: fc.tuple(pick(['92', '93', '94', '95']), digits(19)).map(([a, b]) => a + b),
    cd: (s) => refMod10(s, 3, 1, true),
    guard: always,
  },
  { id: 'ontrac_c', prefix: c('C'), serial: digits(13), seq: (s) => (s.startsWith('4') ? s : '4' + s), cd: (s) => refMod10(s, 1, 2), guard: w12(1, 2) },
  { id: 'ontrac_d', prefix: c('D'), serial: digits(13), seq: (s) => (s.startsWith('5') ? s : '5' + s), cd: (s) => refMod10(s, 1, 2), guard: w12(1, 2) },
  { id: 'purolator_12', prefix: c(''), serial: fc.tuple(pick('012345'.split('')), digits(10)).map(([a, b]) => a + b), cd: refLuhn, guard: always },
  { id: 'old_dominion', prefix: c(''), serial: fc.tuple(pick(['777', '778', '072']), digits(7)).map(([a, b]) => a + b), cd: refLuhn, guard: always },
  { id: 'old_dominion_gs', prefix: c(''), serial: digits(8).map((d) => '80' + d), cd: refLuhn, guard: always },
  { id: 'canada_post_16', prefix: c(''), serial: digits(15), cd: (s) => refMod10(s, 3, 1), guard: always },
  { id: 'dpd_28', prefix: c(''), serial: digits(27), cd: refMod3736, guard: always },
  { id: 'dpd_14', prefix: c(''), serial: digits(14), cd: refMod3736, guard: always },
];

describe('[X-FORMAT] check-digit round trips (fast-check, own generators)', () => {
  for (const sp of SPECS) {
    const seqOf = sp.seq ?? ((s: string) => s);
    const build = (prefix: string, serial: string, suffix: string) => prefix + serial + String(sp.cd(seqOf(serial))) + suffix;
    const arb = fc.tuple(sp.prefix, sp.serial, sp.suffix ?? c(''));

    it(`${sp.id}: a generated valid number passes`, () => {
      fc.assert(
        fc.property(arb, ([p, s, x]) => {
          const r = checkFormat(sp.id, build(p, s, x));
          expect(r?.reason.en).toBe('');
          expect(r?.valid).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it(`${sp.id}: a single-digit change is caught where guaranteed and always agrees with the reference`, () => {
      fc.assert(
        fc.property(arb, fc.nat(), fc.integer({ min: 1, max: 9 }), ([p, s, x], at, shift) => {
          const num = build(p, s, x);
          // positions of digits inside the checked part: serial digits and the check digit
          const positions: number[] = [];
          for (let i = p.length; i <= p.length + s.length; i++) if (/\d/.test(num[i])) positions.push(i);
          const i = positions[at % positions.length];
          const oldD = Number(num[i]);
          const newD = (oldD + shift) % 10;
          const mutated = num.slice(0, i) + newD + num.slice(i + 1);
          const got = checkFormat(sp.id, mutated)?.valid ?? false;
          const isCd = i === p.length + s.length;
          const newSerial = mutated.slice(p.length, p.length + s.length);
          const refValid = String(sp.cd(seqOf(newSerial))) === mutated[p.length + s.length];
          expect(got).toBe(refValid);
          const seqShift = seqOf(s).length - s.length;
          const samePrepend = seqOf(newSerial).length === seqOf(s).length;
          const guaranteed = isCd || (samePrepend && sp.guard(seqOf(s), seqOf(newSerial), i - p.length + seqShift, oldD, newD));
          if (guaranteed) expect(got).toBe(false);
        }),
        { numRuns: 500 },
      );
    });
  }
});

describe('[X-FORMAT] the guarantees are tight (documented blind spots exist)', () => {
  it('mod 7: a ±7 change is not caught (3318810025 → 3318810095 stays valid)', () => {
    expect(checkTracking('DHL', '3318810095').valid).toBe(true);
  });
  it('UPS mod10: a ±5 change at a ×2 position is not caught', () => {
    // serial index 1 (odd) has weight 2: 1Z5R89390357567127 → change the R? use digit at serial index 3 (odd) 9 → 4
    expect(checkFormat('ups_1z', '1Z5R84390357567127')?.valid).toBe(true);
  });
});
