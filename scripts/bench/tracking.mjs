// TRACK_VALID throughput [X-FORMAT]: 1,000,000 mixed tracking numbers through the public function
// (one call with a 1,000,000-row range), side by side with the npm package ts-tracking-number on the
// same numbers and the same carrier per row. Figures only; no assertion.
import { best, line, loadMain, requireRoot, fmt } from './_util.mjs';

const N = 1_000_000;
const main = loadMain();
const peer = requireRoot('ts-tracking-number');

// Deterministic PRNG so every run measures the same numbers.
let seed = 0x2545f491;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const digits = (n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rnd() * 10);
  return s;
};
const mod7 = (s) => Number(BigInt(s) % 7n);
const s10 = (s) => {
  const r = [8, 6, 4, 2, 3, 5, 9, 7].reduce((t, w, i) => t + w * +s[i], 0) % 11;
  return r === 0 ? 5 : r === 1 ? 0 : 11 - r;
};
const fedex12 = (s) => ([3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1].reduce((t, w, i) => t + w * +s[i], 0) % 11) % 10;
const ups = (s) => {
  const t = [...s].reduce((a, c, i) => a + (/\d/.test(c) ? +c : (c.charCodeAt(0) - 3) % 10) * (i % 2 ? 2 : 1), 0) % 10;
  return t ? 10 - t : 0;
};
const usps = (s) => {
  const t = [...s].reduce((a, c, i) => a + +c * (i % 2 ? 1 : 3), 0) % 10;
  return t ? 10 - t : 0;
};
const bad = (cd) => (rnd() < 0.5 ? cd : (cd + 1) % 10); // half valid, half a wrong check digit

const KINDS = [
  ['DHL', () => { const s = digits(9); return s + bad(mod7(s)); }],
  ['DHL', () => { const s = digits(4) + ' ' + digits(5); return s + mod7(s.replace(' ', '')); }], // typed with a space
  ['China Post', () => { const s = digits(8); return 'RB' + s + bad(s10(s)) + 'CN'; }],
  ['UPS', () => { const s = digits(15); return '1Z' + s + bad(ups(s)); }],
  ['FedEx', () => { const s = digits(11); return s + bad(fedex12(s)); }],
  ['USPS', () => { const s = '9400' + digits(17); return s + bad(usps(s)); }],
];
const carriers = new Array(N);
const numbers = new Array(N);
for (let i = 0; i < N; i++) {
  const [c, make] = KINDS[i % KINDS.length];
  carriers[i] = [c];
  numbers[i] = [make()];
}

let oursValid = 0;
const ours = best(() => {
  const out = main.TRACK_VALID(carriers, numbers);
  oursValid = 0;
  for (let i = 0; i < N; i++) if (out[i][0] === true) oursValid++;
}, 3);

let peerValid = 0;
// BENCH_NO_PEER=1 skips the (slow) package run.
const theirs = process.env.BENCH_NO_PEER ? NaN : best(() => {
  peerValid = 0;
  // As ts-tracking-number's README shows it: getTracking(number), every courier tried.
  for (let i = 0; i < N; i++) if (peer.getTracking(numbers[i][0]) !== undefined) peerValid++;
}, 1);

// The floor: a plain hand-written loop over the same rows, one switch on the carrier text and the
// check digit computed over char codes (no cleaning, no table, no messages): what a user could write
// for these five formats alone.
const code = (s, i) => s.charCodeAt(i) - 48;
const allDigits = (s, from, to) => {
  for (let i = from; i < to; i++) {
    const d = code(s, i);
    if (d < 0 || d > 9) return false;
  }
  return true;
};
const W_S10 = [8, 6, 4, 2, 3, 5, 9, 7];
const W_FDX = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];
function handValid(carrier, s) {
  switch (carrier) {
    case 'DHL': {
      if (s.length !== 10 || !allDigits(s, 0, 10)) return false;
      let r = 0;
      for (let i = 0; i < 9; i++) r = (r * 10 + code(s, i)) % 7;
      return r === code(s, 9);
    }
    case 'China Post': {
      if (s.length !== 13 || !allDigits(s, 2, 11) || s[11] !== 'C' || s[12] !== 'N') return false;
      const a = s.charCodeAt(0), b = s.charCodeAt(1);
      if (a < 65 || a > 90 || b < 65 || b > 90) return false;
      let t = 0;
      for (let i = 0; i < 8; i++) t += W_S10[i] * code(s, 2 + i);
      const r = t % 11;
      return (r === 0 ? 5 : r === 1 ? 0 : 11 - r) === code(s, 10);
    }
    case 'UPS': {
      if (s.length !== 18 || s[0] !== '1' || s[1] !== 'Z') return false;
      let t = 0;
      for (let i = 2; i < 17; i++) {
        const k = s.charCodeAt(i);
        const v = k >= 48 && k <= 57 ? k - 48 : k >= 65 && k <= 90 ? (k - 3) % 10 : -1;
        if (v < 0) return false;
        t += v * (i % 2 ? 2 : 1);
      }
      t %= 10;
      return (t ? 10 - t : 0) === code(s, 17);
    }
    case 'FedEx': {
      if (s.length !== 12 || !allDigits(s, 0, 12)) return false;
      let t = 0;
      for (let i = 0; i < 11; i++) t += W_FDX[i] * code(s, i);
      return (t % 11) % 10 === code(s, 11);
    }
    case 'USPS': {
      if (s.length !== 22 || !allDigits(s, 0, 22)) return false;
      let t = 0;
      for (let i = 0; i < 21; i++) t += code(s, i) * (i % 2 ? 1 : 3);
      t %= 10;
      return (t ? 10 - t : 0) === code(s, 21);
    }
  }
  return false;
}
// The loop as a custom function must be written: it returns the same column of TRUE/FALSE (a
// 1,000,000-row 2-D array, as Excel and Sheets take a range result); the bare verdicts alone too.
let handValidN = 0;
const hand = best(() => {
  const out = new Array(N);
  for (let i = 0; i < N; i++) out[i] = [handValid(carriers[i][0], numbers[i][0])];
  handValidN = 0;
  for (let i = 0; i < N; i++) if (out[i][0] === true) handValidN++;
}, 3);
const bare = best(() => {
  let v = 0;
  for (let i = 0; i < N; i++) if (handValid(carriers[i][0], numbers[i][0])) v++;
  return v;
}, 3);
if (handValidN !== oursValid) console.log(`  NOTE: the hand loop finds ${fmt(handValidN)} valid, TRACK_VALID ${fmt(oursValid)}`);

// The Sheets build's verdict: the pattern checks TRACK_WHY runs, without the offset fast path
// (left out of the script Sheets loads for every formula cell; core/tracking/index.ts BY_PATTERN).
let patternValidN = 0;
const byPattern = best(() => {
  const out = new Array(N);
  for (let i = 0; i < N; i++) out[i] = [main.isValidByPattern(carriers[i][0], numbers[i][0])];
  patternValidN = 0;
  for (let i = 0; i < N; i++) if (out[i][0] === true) patternValidN++;
}, 1);
if (patternValidN !== oursValid) console.log(`  NOTE: the pattern verdict finds ${fmt(patternValidN)} valid, TRACK_VALID ${fmt(oursValid)}`);

console.log('tracking: TRACK_VALID over 1,000,000 mixed numbers (DHL, DHL with a space, China Post S10, UPS 1Z, FedEx 12, USPS 94…)');
line('TRACK_VALID (one 1,000,000-row range call)', N, ours);
line('ts-tracking-number getTracking(number) (same rows)', N, theirs);
line('hand-written loop, same 2-D result (the floor)', N, hand);
line('  the same loop counting verdicts, no result', N, bare);
line('the Sheets build\'s verdict (pattern checks, per cell)', N, byPattern);
console.log(`  TRACK_VALID / hand loop: ${(ours / hand).toFixed(2)}× the floor's time (target ≤ 2×); ${(ours / bare).toFixed(2)}× the loop without a result array`);
console.log(`  TRACK_VALID is ${(theirs / ours).toFixed(1)}× faster than ts-tracking-number (target ≥ 100×)   (valid: ours ${fmt(oursValid)}, peer ${fmt(peerValid)}; the peer strips spaces, so it accepts the DHL numbers typed with a space that [X-FORMAT] rejects)`);
console.log(`summary: TRACK_VALID ${ours.toFixed(0)} ms | hand loop ${hand.toFixed(0)} ms (ours ${(ours / hand).toFixed(2)}×, target ≤ 2×) | ts-tracking-number ${Number.isNaN(theirs) ? 'skipped' : `${theirs.toFixed(0)} ms (ours ${(theirs / ours).toFixed(1)}× faster, target ≥ 100×)`}   per 1,000,000 mixed numbers`);
