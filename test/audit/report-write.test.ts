/**
 * Issue 12: the CLI's report writer. The streaming xlsx writer (core/report/xlsx-writer.ts, as a file: cli/xlsx-file.ts) round-trips
 * through exceljs (values, escaping, styles, frozen header, filter, image); a report cell never
 * exceeds Excel's 32,767 characters and says where it was cut; Ctrl-C during the write of the BUILT
 * CLI leaves neither the report nor its temporary file.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { STYLE, xmlText } from '../../core/report/xlsx-writer';
import { XlsxFileWriter as XlsxWriter } from '../../cli/xlsx-file';
import { capCell, MAX_CELL_CHARS } from '../../core/audit/report';
import { root } from '../core/_main';

const cli = path.join(root, 'dist/cli/ae-rules.cjs');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ae-write-'));
});

const read = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
};
const cellText = (v: unknown): string => (v && typeof v === 'object' && 'richText' in (v as object) ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('') : String(v));

describe('capCell: Excel holds 32,767 characters per cell', () => {
  it('leaves text up to the limit alone and cuts longer text to exactly the limit, marked with the full length', () => {
    expect(capCell('abc')).toBe('abc');
    const at = 'x'.repeat(MAX_CELL_CHARS);
    expect(capCell(at)).toBe(at);
    const long = 'y'.repeat(100_000);
    const c = capCell(long);
    expect(c.length).toBe(MAX_CELL_CHARS);
    expect(c).toMatch(/… \[cut: 100000 characters in all \/ 已截断，共 100000 个字符\]$/);
  });
  it('never splits a surrogate pair at the cut', () => {
    const c = capCell('😀'.repeat(50_000));
    expect(c.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(c)).toBe(false);
  });
});

describe('XlsxWriter round trip (read back with exceljs)', () => {
  it('values, escaping, styles, formats, frozen header, filter and the image', async () => {
    const file = path.join(dir, 'w.xlsx');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const wb = new XlsxWriter(file, { creator: 'test' });
    const s = wb.sheet({ name: 'Findings', widths: [7, 20], frozenHeader: true, filter: true, moneyColumns: [2], percentColumns: [3] });
    s.row(['Row', 'Text', 'Cost', 'Share', 'Flag'], STYLE.bold);
    s.row([2, 'a & b < c > "d"', 12.5, 0.125, true], STYLE.normal, (c, v) => (c === 1 ? STYLE.boldRed : undefined));
    s.row([3, 'bell\u0007 lone\ud800 ok😀', -1, 1, false]);
    s.row([4, '  padded  ', null, undefined, '']);
    s.row([5, 'z'.repeat(100_000)]);
    s.end();
    const w = wb.sheet({ name: 'Weekly', image: { png, col: 3, row: 1.2, width: 100, height: 50 } });
    w.row(['中文', 1]);
    w.end();
    wb.close();

    const back = await read(file);
    expect(back.worksheets.map((x) => x.name)).toEqual(['Findings', 'Weekly']);
    const f = back.getWorksheet('Findings')!;
    expect(f.getCell('A1').value).toBe('Row');
    expect(f.getCell('A1').font?.bold).toBe(true);
    expect(f.getCell('B2').value).toBe('a & b < c > "d"');
    expect(f.getCell('B2').font?.color?.argb).toBe('FFC00000');
    expect(f.getCell('C2').value).toBe(12.5);
    expect(f.getCell('C2').numFmt).toBe('#,##0.00');
    expect(f.getCell('D2').numFmt).toBe('0.0%');
    expect(f.getCell('E2').value).toBe(true);
    expect(cellText(f.getCell('B3').value)).toBe('bell lone\ufffd ok😀');
    expect(cellText(f.getCell('B4').value)).toBe('  padded  ');
    expect(f.getCell('C4').value).toBe(null);
    const cut = cellText(f.getCell('B5').value);
    expect(cut.length).toBe(MAX_CELL_CHARS);
    expect(cut).toContain('[cut: 100000 characters in all');
    expect(f.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(f.autoFilter).toBe('A1:E5');
    expect(f.getColumn(1).width).toBe(7);
    expect(back.getWorksheet('Weekly')!.getCell('A1').value).toBe('中文');
    expect((back.model as { media?: unknown[] }).media?.length).toBe(1);
  });
  it('abort() removes the file', () => {
    const file = path.join(dir, 'aborted.xlsx');
    const wb = new XlsxWriter(file);
    wb.sheet({ name: 'S' }).row([1]);
    expect(existsSync(file)).toBe(true);
    wb.abort();
    expect(existsSync(file)).toBe(false);
  });
  it('xmlText escapes markup and drops characters XML cannot hold', () => {
    expect(xmlText('plain')).toBe('plain');
    expect(xmlText('<a href="x">&</a>\u0000')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

describe('the built CLI', () => {
  it('a 100,000-character tracking number: every report cell ≤ 32,767 characters, the cut marked', async () => {
    const csv = path.join(dir, 'long.csv');
    writeFileSync(csv, `订单号,目的国,物流商,运单号,付款时间\n8100000000000001,US,DHL,${'1'.repeat(100_000)},2024-06-01 10:00\n`);
    const r = spawnSync(process.execPath, [cli, 'audit', csv, '--out', path.join(dir, 'long.xlsx'), '--now', '2024-07-05', '--no-progress'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const wb = await read(path.join(dir, 'long.xlsx'));
    let longest = 0;
    let marked = false;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const t = cellText(c.value);
          longest = Math.max(longest, t.length);
          if (t.includes('[cut: ')) marked = true;
        }),
      ),
    );
    expect(longest).toBeGreaterThan(30_000);
    expect(longest).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(marked).toBe(true);
  });

  it('Ctrl-C (SIGINT) during the report write: exit 130, a message, no report and no temporary file', async () => {
    // 300,000 rows, each with a bad DHL check digit [X-FORMAT]: 300,000 findings make a write long
    // enough to interrupt (the temporary file exists only while the report is written).
    const sub = mkdtempSync(path.join(dir, 'sigint-'));
    const csv = path.join(sub, 'many.csv');
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(csv);
      out.write('订单号,目的国,物流商,运单号,付款时间\n');
      let buf = '';
      for (let i = 0; i < 300_000; i++) {
        buf += `81${String(i).padStart(14, '0')},US,DHL,1234567890,2024-06-01 10:00\n`;
        if (buf.length > 1 << 20) {
          out.write(buf);
          buf = '';
        }
      }
      out.end(buf, () => resolve());
      out.on('error', reject);
    });
    const child = spawn(process.execPath, [cli, 'audit', csv, '--out', path.join(sub, 'report.xlsx'), '--now', '2024-07-05', '--no-progress'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let sawTmp = false;
    const poll = setInterval(() => {
      if (sawTmp) return;
      if (readdirSync(sub).some((f) => f.endsWith('.tmp'))) {
        sawTmp = true;
        child.kill('SIGINT');
      }
    }, 2);
    const code = await exited;
    clearInterval(poll);
    expect(sawTmp, 'the write was not caught in progress').toBe(true);
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted \(SIGINT\): no report written|已中断（SIGINT）：未生成报告/);
    expect(readdirSync(sub).sort()).toEqual(['many.csv']);
  }, 120_000);
});
