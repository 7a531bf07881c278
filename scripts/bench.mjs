// npm run bench: builds nothing itself (run `npm run build` first, or use `npm run bench`, which does),
// then runs each scripts/bench/*.mjs section in its own Node process so each reports its own peak memory.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv.slice(2);
const sections = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
// Sections mark their headline figures with "summary: "; they are printed again side by side at the end.
const summary = [];
for (const f of sections) {
  console.log(`\n## ${f.replace(/\.mjs$/, '')}`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(dir, f)], { stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  for (const l of (r.stdout ?? '').split('\n')) if (l.startsWith('summary: ')) summary.push(l.slice(9));
  if (r.status !== 0) failed++;
}
if (summary.length) {
  console.log('\n## summary (each figure beside its peer or floor, measured in the same run)');
  for (const l of summary) console.log(`  ${l}`);
}
process.exit(failed ? 1 : 0);
