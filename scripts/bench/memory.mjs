// Memory at scale (issue 12 target: 1,000,000 rows with two findings each within 2 GiB peak): the
// built CLI, whole process, on a generated 1,000,000-row CSV export; each row has a DHL number with a
// wrong check digit [X-FORMAT] and a tracking number uploaded 3 days after payment [X-UPLOAD]. Peak
// resident memory of the process from /usr/bin/time (%M), printed with the input's size (the CLI
// before issue 12 held the rows, every finding and the report tables: 3.1 GiB for the audit alone).
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, fmt } from './_util.mjs';

const N = Number(process.env.BENCH_MEMORY_ROWS ?? 1_000_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'ae-bench-memory-'));
const csv = path.join(dir, 'orders.csv');
await new Promise((resolve, reject) => {
  const out = createWriteStream(csv);
  out.write('订单号,目的国,物流商,运单号,付款时间,上传时间\n');
  const day = (x) => (x > 30 ? `2024-07-${String(x - 30).padStart(2, '0')}` : `2024-06-${String(x).padStart(2, '0')}`);
  let buf = '';
  for (let k = 0; k < N; k++) {
    const d = 1 + (k % 28);
    buf += `81${String(k).padStart(14, '0')},US,DHL,1234567890,${day(d)} 10:00,${day(d + 3)} 10:00\n`;
    if (buf.length > 1 << 20) {
      out.write(buf);
      buf = '';
    }
  }
  out.end(buf, resolve);
  out.on('error', reject);
});
const cli = path.join(root, 'dist/cli/ae-rules.cjs');
const t = process.hrtime.bigint();
const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'audit', csv, '--out', path.join(dir, 'report.xlsx'), '--now', '2024-07-05', '--no-progress'], {
  encoding: 'utf8',
  env: { ...process.env, AE_RULES_TIMINGS: '1', LANG: 'C' },
});
const ms = Number(process.hrtime.bigint() - t) / 1e6;
if (r.status !== 0) throw new Error(`ae-rules failed: ${r.stderr}`);
const peak = Number(r.stderr.trim().split('\n').pop()) / 1024;
const findings = /([\d,]+) findings on/.exec(r.stdout)?.[1] ?? '?';
console.log(`CLI audit of ${fmt(N)} CSV rows x 2 findings, whole process: peak ${fmt(peak)} MiB, ${fmt(ms)} ms, ${findings} findings   (target < 2,048 MiB; load average ${os.loadavg()[0].toFixed(2)})`);
console.log(`  ${/timings: (.*)/.exec(r.stderr)?.[1] ?? ''}; input ${fmt(statSync(csv).size / 2 ** 20)} MiB, report ${fmt(statSync(path.join(dir, 'report.xlsx')).size / 2 ** 20)} MiB`);
rmSync(dir, { recursive: true, force: true });
