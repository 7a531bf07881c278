/**
 * The six check-digit algorithms of CARRIERS.md "Checksum algorithms", implemented exactly as its
 * pseudo-code says (indexes from the left, 0-based). Each takes the serial (after `prepend_if`) and
 * the check-digit character, and allocates nothing: they run once per cell in a million-row column.
 * An unknown algorithm name is rejected when the carrier table is loaded (fail closed, see table.ts).
 */

export const CHECKSUM_NAMES = ['mod10', 'mod7', 's10', 'luhn', 'sum_product_with_weightings_and_modulo', 'mod_37_36'] as const;
export type ChecksumName = (typeof CHECKSUM_NAMES)[number];

/** Parameters as the table spells them (only the ones each algorithm uses are read). */
export interface ChecksumParams {
  readonly name: ChecksumName;
  readonly evens_multiplier?: number;
  readonly odds_multiplier?: number;
  readonly reverse?: boolean;
  readonly weightings?: readonly number[];
  readonly modulo1?: number;
  readonly modulo2?: number;
}

const C0 = 48; // '0'

/** charValue: digit → its value; letter → (ASCII − 3) mod 10 (A→2, B→3 … I→0, J→1; UPS's mapping). */
export function charValue(code: number): number {
  return code >= C0 && code <= 57 ? code - C0 : (code - 3) % 10;
}

/** mod10 with optional even/odd multipliers and reversed reading (USPS IMpb N). */
export function mod10(seq: string, evens: number | undefined, odds: number | undefined, reverse: boolean): number {
  const n = seq.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let x = charValue(seq.charCodeAt(reverse ? n - 1 - i : i));
    if (odds && (i & 1) === 1) x *= odds;
    else if (evens && (i & 1) === 0) x *= evens;
    total += x;
  }
  const check = total % 10;
  return check === 0 ? 0 : 10 - check;
}

/** mod7: the whole serial read as one integer, mod 7, by string arithmetic (serials can exceed 2^53). */
export function mod7(seq: string): number {
  let r = 0;
  for (let i = 0; i < seq.length; i++) r = (r * 10 + (seq.charCodeAt(i) - C0)) % 7;
  return r;
}

export const S10_WEIGHTS: readonly number[] = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10: Σ d·[8,6,4,2,3,5,9,7]; r = S mod 11; 0 → 5, 1 → 0, else 11 − r. */
export function s10(seq: string, weights: readonly number[] = S10_WEIGHTS): number {
  let s = 0;
  const n = Math.min(seq.length, weights.length);
  for (let i = 0; i < n; i++) s += (seq.charCodeAt(i) - C0) * weights[i];
  const r = s % 11;
  return r === 0 ? 5 : r === 1 ? 0 : 11 - r;
}

/** Standard Luhn over the serial; doubling starts at its right-most digit. */
export function luhn(seq: string): number {
  let total = 0;
  for (let i = 0, j = seq.length - 1; j >= 0; i++, j--) {
    let x = seq.charCodeAt(j) - C0;
    if ((i & 1) === 0) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    total += x;
  }
  const check = total % 10;
  return check === 0 ? 0 : 10 - check;
}

/** (Σ d·w mod m1) mod m2, zipping serial and weights (stops at the shorter). */
export function sumProduct(seq: string, weights: readonly number[], m1: number, m2: number): number {
  let s = 0;
  const n = Math.min(seq.length, weights.length);
  for (let i = 0; i < n; i++) s += (seq.charCodeAt(i) - C0) * weights[i];
  return (s % m1) % m2;
}

export const ALNUM36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 MOD 37,36 hybrid (DPD): returns the index of the check character in 0-9A-Z. */
export function mod3736(seq: string): number {
  const M = 36;
  let r = M;
  for (let i = 0; i < seq.length; i++) {
    const c = seq.charCodeAt(i);
    // A=10 … Z=35; lower-case letters fold to upper-case.
    const v = c >= C0 && c <= 57 ? c - C0 : (c >= 97 ? c - 32 : c) - 55;
    r += v;
    if (r > M) r -= M;
    r *= 2;
    if (r > M) r -= M + 1;
  }
  let e = M + 1 - r;
  if (e === M) e = 0;
  return e;
}

/**
 * Index in 0-9A-Z of the check character a serial should carry (a digit for all but MOD 37,36),
 * or -1 for an algorithm this code does not know (fail closed).
 * mod7 yields 0..6 only, so '7', '8', '9' can never be a valid DHL check digit.
 */
export function checkIndex(p: ChecksumParams, seq: string): number {
  switch (p.name) {
    case 'mod10':
      return mod10(seq, p.evens_multiplier, p.odds_multiplier, p.reverse === true);
    case 'mod7':
      return mod7(seq);
    case 's10':
      return s10(seq, p.weightings ?? S10_WEIGHTS);
    case 'luhn':
      return luhn(seq);
    case 'sum_product_with_weightings_and_modulo':
      return sumProduct(seq, p.weightings ?? [], p.modulo1 ?? 11, p.modulo2 ?? 10);
    case 'mod_37_36':
      return mod3736(seq);
    default:
      return -1;
  }
}

/** The expected check character ('' when the algorithm is unknown). */
export function expectedCheck(p: ChecksumParams, seq: string): string {
  const k = checkIndex(p, seq);
  return k < 0 ? '' : ALNUM36[k];
}

/** Does the check character pass? Fails closed for an unknown algorithm. */
export function verifyCheck(p: ChecksumParams, seq: string, cd: string): boolean {
  const k = checkIndex(p, seq);
  if (k < 0 || cd.length !== 1) return false;
  let c = cd.charCodeAt(0);
  if (c >= 97 && c <= 122) c -= 32;
  return ALNUM36.charCodeAt(k) === c;
}

// ── the same algorithms over a range of a string (TRACK_VALID's hot path: no substring) ────────────

/**
 * checkIndex(p, s.slice(from, to)) with the algorithm and its parameters read once per format into
 * one object shape (the hot loop of TRACK_VALID calls `index` once per number; one class for every
 * format keeps that call monomorphic).
 */
export class OffsetChecker {
  private readonly algo: number;
  private readonly w: Int32Array;
  private readonly m1: number;
  private readonly m2: number;
  private readonly evens: number;
  private readonly odds: number;
  private readonly rev: boolean;
  constructor(private readonly p: ChecksumParams) {
    this.algo = ['mod7', 's10', 'sum_product_with_weightings_and_modulo', 'mod10', 'luhn', 'mod_37_36'].indexOf(p.name);
    this.w = Int32Array.from(p.name === 's10' ? (p.weightings ?? S10_WEIGHTS) : (p.weightings ?? []));
    this.m1 = p.modulo1 ?? 11;
    this.m2 = p.modulo2 ?? 10;
    this.evens = p.evens_multiplier ?? 0;
    this.odds = p.odds_multiplier ?? 0;
    this.rev = p.reverse === true;
  }
  index(s: string, from: number, to: number): number {
    switch (this.algo) {
      case 0: {
        let r = 0;
        for (let i = from; i < to; i++) r = (r * 10 + (s.charCodeAt(i) - C0)) % 7;
        return r;
      }
      case 1:
      case 2: {
        const w = this.w;
        let t = 0;
        const m = Math.min(to - from, w.length);
        for (let i = 0; i < m; i++) t += (s.charCodeAt(from + i) - C0) * w[i];
        if (this.algo === 2) return (t % this.m1) % this.m2;
        const r = t % 11;
        return r === 0 ? 5 : r === 1 ? 0 : 11 - r;
      }
      case 3: {
        const n = to - from;
        const evens = this.evens;
        const odds = this.odds;
        const rev = this.rev;
        let total = 0;
        for (let i = 0; i < n; i++) {
          const k = s.charCodeAt(rev ? to - 1 - i : from + i);
          let x = charValue(k);
          if (odds && (i & 1) === 1) x *= odds;
          else if (evens && (i & 1) === 0) x *= evens;
          total += x;
        }
        const check = total % 10;
        return check === 0 ? 0 : 10 - check;
      }
      default:
        // luhn, mod_37_36: no carrier of the fast path's hot formats; the string version.
        return checkIndex(this.p, s.slice(from, to));
    }
  }
}

/** OffsetChecker as a function (tests compare it with checkIndex). */
export function checkerAt(p: ChecksumParams): (s: string, from: number, to: number) => number {
  const c = new OffsetChecker(p);
  return (s, from, to) => c.index(s, from, to);
}
