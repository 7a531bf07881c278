// Bench section "functions": SG_FEE and PENALTY over a 100,000-row range in ONE call each through the
// built main entry, next to a plain hand-written JS loop computing the same results (the "floor").
import { loadMain, best, line, fmt } from './_util.mjs';


const N = 100_000;
const m = loadMain();
const countries = ['US', 'BR', 'FR', 'RU', 'PL', 'MX', 'DE', 'SA'];
const countryCol = Array.from({ length: N }, (_, i) => [countries[i % countries.length]]);
const weightCol = Array.from({ length: N }, (_, i) => [(i * 37) % 120]);
const nfeCol = Array.from({ length: N }, (_, i) => [i % 3 === 0]);
const amountCol = Array.from({ length: N }, (_, i) => [((i * 7919) % 200_000) / 100]);
const daysCol = Array.from({ length: N }, (_, i) => [i % 60]);

// The floor: the same rules written by hand for these inputs (2024 card numbers inlined).
const BASE = { US: 320, FR: 320, DE: 320, BR: 260, SA: 260, PL: 260, RU: 380, MX: 380 };
function feeFloor() {
  const out = new Array(N);
  for (let i = 0; i < N; i++) {
    const c = countryCol[i][0];
    let cents = BASE[c];
    if (weightCol[i][0] > 50) cents += 80;
    if (c === 'BR' && nfeCol[i][0] !== true) cents += 150;
    out[i] = [cents / 100];
  }
  return out;
}
function penaltyFloor() {
  const out = new Array(N);
  for (let i = 0; i < N; i++) {
    const c = Math.round(amountCol[i][0] * 100);
    out[i] = [daysCol[i][0] > 30 ? Math.min(Math.round(c * 0.05), 5000) / 100 : 0];
  }
  return out;
}

// Same answers, or the comparison is meaningless.
const fee = m.SG_FEE(countryCol, weightCol, nfeCol);
const feeF = feeFloor();
const pen = m.PENALTY(amountCol, daysCol);
const penF = penaltyFloor();
for (let i = 0; i < N; i++) {
  if (fee[i][0] !== feeF[i][0]) throw new Error(`SG_FEE row ${i}: ${fee[i][0]} vs floor ${feeF[i][0]}`);
  if (pen[i][0] !== penF[i][0]) throw new Error(`PENALTY row ${i}: ${pen[i][0]} vs floor ${penF[i][0]}`);
}

const rows = [];
for (const [name, f, floor] of [
  ['SG_FEE(country, weight, nfe)', () => m.SG_FEE(countryCol, weightCol, nfeCol), feeFloor],
  ['PENALTY(amount, days)', () => m.PENALTY(amountCol, daysCol), penaltyFloor],
]) {
  const ms = best(f, 5);
  line(`${name}, one call`, N, ms);
  const floorMs = best(floor, 5);
  line('  floor: plain JS loop, same results', N, floorMs);
  rows.push([name, ms / floorMs]);
}
for (const [name, ratio] of rows) console.log(`${name.padEnd(44)} ${ratio.toFixed(1)}× the floor (${fmt(N)} rows per call)`);
