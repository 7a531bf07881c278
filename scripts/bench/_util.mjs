// Shared helpers for benchmark sections: timing, figures and peak memory of this process.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const requireRoot = createRequire(path.join(root, 'package.json'));
/** The built main entry (npm run build). */
export const loadMain = () => requireRoot(path.join(root, 'dist/node/index.cjs'));

/** Run f `reps` times after one warm-up; return the best time in ms. */
export function best(f, reps = 5) {
  f();
  let bestMs = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = process.hrtime.bigint();
    f();
    bestMs = Math.min(bestMs, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return bestMs;
}

export const fmt = (n) => Math.round(n).toLocaleString('en-US');
/** Peak resident memory of this process so far, MiB. */
export const peakMiB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
export function line(label, rows, ms) {
  console.log(`${label.padEnd(44)} ${fmt(rows).padStart(10)} rows  ${ms.toFixed(1).padStart(8)} ms  ${fmt((rows / ms) * 1000).padStart(12)} rows/s  peak ${peakMiB()} MiB`);
}
