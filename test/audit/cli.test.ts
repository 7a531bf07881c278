import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, execSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/ae-rules.cjs');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

describe('CLI round trip (built dist/cli/ae-rules.cjs)', () => {
  let dir: string;
  beforeAll(() => {
    // `npm test` builds first; a lone `vitest run test/audit` builds just the CLI when it is missing.
    if (!existsSync(cli)) execSync('npx webpack --mode production --env only=cli', { cwd: root, stdio: 'ignore' });
    dir = mkdtempSync(path.join(tmpdir(), 'ae-cli-'));
    for (const f of ['orders.xlsx', 'orders.csv']) copyFileSync(path.join(root, 'examples', f), path.join(dir, f));
  });

  it('has a node shebang', () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('audits an xlsx: input bytes unchanged, output opens with the three sheets', async () => {
    const input = path.join(dir, 'orders.xlsx');
    const before = readFileSync(input);
    const r = run(['audit', 'orders.xlsx', '--now', '2024-07-05', '--lang', 'zh'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('600 个订单');
    expect(readFileSync(input).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'orders-audit.xlsx'));
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['Findings', 'Summary', 'Weekly']);
    const findings = wb.getWorksheet('Findings')!;
    expect(findings.getRow(1).getCell(1).value).toBe('行号');
    expect(findings.rowCount).toBe(1 + 84);
    expect((wb.model as { media?: unknown[] }).media?.length).toBe(1); // the weekly chart image
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('audits a csv with --out', async () => {
    const r = run(['audit', 'orders.csv', '--out', 'report.xlsx', '--now', '2024-07-05'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('84 findings on 83 orders');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'report.xlsx'));
    expect(wb.getWorksheet('Summary')!.getCell('A1').value).toBe('Audit summary');
  });

  it('--rates: a what-if card changes the gift fees; the same numbers as the built-in card change nothing [G-FEE]', () => {
    const fees = (out: string) => Number(/Gift fees ¥([\d.]+)/.exec(out)![1]);
    writeFileSync(path.join(dir, 'same.csv'), 'key,value\ngift.tiers.emerging.fee,2.60\n');
    writeFileSync(path.join(dir, 'whatif.csv'), 'key,value\ngift.tiers.emerging.fee,3.00\n');
    const base = run(['audit', 'orders.csv', '--out', 'r0.xlsx', '--now', '2024-07-05', '--no-progress'], dir);
    const same = run(['audit', 'orders.csv', '--out', 'r1.xlsx', '--now', '2024-07-05', '--rates', 'same.csv', '--no-progress'], dir);
    const whatIf = run(['audit', 'orders.csv', '--out', 'r2.xlsx', '--now', '2024-07-05', '--rates', 'whatif.csv', '--no-progress'], dir);
    for (const r of [base, same, whatIf]) expect(r.status).toBe(0);
    expect(fees(same.stdout)).toBe(fees(base.stdout));
    const extraCents = Math.round((fees(whatIf.stdout) - fees(base.stdout)) * 100);
    expect(extraCents).toBeGreaterThan(0);
    expect(extraCents % 40).toBe(0); // ¥0.40 more per emerging-market gift
  });

  it('--rates: a malformed card is a clear error naming the row, and no output file', () => {
    writeFileSync(path.join(dir, 'bad.csv'), 'key,value\ngift.tiers.emerging.fee,abc\n');
    const r = run(['audit', 'orders.csv', '--out', 'bad-card.xlsx', '--rates', 'bad.csv'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('rate card row 2 (gift.tiers.emerging.fee)');
    expect(existsSync(path.join(dir, 'bad-card.xlsx'))).toBe(false);
  });

  it('a truncated xlsx: non-zero exit, a clear message, no output file', () => {
    writeFileSync(path.join(dir, 'broken.xlsx'), readFileSync(path.join(dir, 'orders.xlsx')).subarray(0, 5000));
    const r = run(['audit', 'broken.xlsx'], dir);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('not a readable .xlsx workbook');
    expect(existsSync(path.join(dir, 'broken-audit.xlsx'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('broken') && f !== 'broken.xlsx')).toEqual([]);
  });

  it('refuses to overwrite the input and explains a missing file / sheet in Chinese', () => {
    expect(run(['audit', 'orders.xlsx', '--out', 'orders.xlsx'], dir).status).toBe(1);
    const r = run(['audit', 'nope.csv', '--lang', 'zh'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('找不到文件');
    const s = run(['audit', 'orders.xlsx', '--sheet', 'Sheet9'], dir);
    expect(s.status).toBe(1);
    expect(s.stderr).toContain('no sheet named "Sheet9"');
  });
});
