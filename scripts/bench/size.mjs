// Script sizes (issue 12 target: the Sheets project's .js ≤ 150 KB, loaded for every formula cell):
// the built dist/sheets/*.js and the Excel add-in's scripts.
import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { root } from './_util.mjs';

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
for (const [label, dir, re] of [
  ['Sheets project .js (loaded for every formula cell)', 'dist/sheets', /\.js$/],
  ['Excel add-in scripts', 'dist/excel', /\.js$/],
]) {
  const d = path.join(root, dir);
  if (!existsSync(d)) {
    console.log(`${label}: ${dir} not built`);
    continue;
  }
  const files = readdirSync(d).filter((f) => re.test(f)).map((f) => [f, statSync(path.join(d, f)).size]);
  const total = files.reduce((t, [, n]) => t + n, 0);
  console.log(`${label}: ${kb(total)} total${dir === 'dist/sheets' ? ' (target ≤ 150 KB)' : ''}`);
  const size = (f) => kb(files.find(([n]) => n === f)?.[1] ?? 0);
  if (dir === 'dist/sheets') console.log(`summary: Sheets .js ${kb(total)} (aerules.js ${size('aerules.js')}, functions.js ${size('functions.js')}, addon.js ${size('addon.js')}), target ≤ 150 KB`);
  else console.log(`summary: Excel functions.js ${size('functions.js')} (the core) + taskpane.js ${size('taskpane.js')} (on functions.js's modules, no second core) = ${kb(total)}`);
  for (const [f, n] of files.sort((a, b) => b[1] - a[1])) console.log(`  ${f.padEnd(28)} ${kb(n).padStart(10)}`);
}
