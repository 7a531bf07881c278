/**
 * The layouts of ../shared/notes/exports.md (examples/layouts/, written by scripts/gen-layout-examples.mjs
 * with the findings planted in each), audited through the BUILT CLI without --map: the findings equal
 * the expected file; continuation rows produce no finding of their own; a total row is not an order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, execSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/ae-rules.cjs');
const layouts = path.join(root, 'examples/layouts');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

interface Expected {
  file: string;
  layout: string;
  now: string;
  findings: { row: number; orderId: string; rule: string; severity: string; costUsd: number | '' }[];
  stdout: string[];
}
const samples = readdirSync(layouts)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => JSON.parse(readFileSync(path.join(layouts, f), 'utf8')) as Expected);

const blankToEmpty = (v: unknown) => (v === null || v === undefined ? '' : v);

describe('every export layout of exports.md, audited by the built CLI without --map', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(cli)) execSync('npx webpack --mode production --env only=cli', { cwd: root, stdio: 'ignore' });
    dir = mkdtempSync(path.join(tmpdir(), 'ae-layouts-'));
  });

  it('has one sample per layout (AliExpress older .xls and newer, Mabang, Tongtool, Lingxing, Dianxiaomi)', () => {
    expect(samples.map((s) => s.file).sort()).toEqual(['aliexpress-newer.xlsx', 'aliexpress-older.xls', 'dianxiaomi.csv', 'lingxing.xlsx', 'mabang.xlsx', 'tongtool.csv']);
    // The .xls is a real BIFF8 (OLE2) file, the Dianxiaomi CSV real GBK.
    expect(readFileSync(path.join(layouts, 'aliexpress-older.xls')).subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path.join(layouts, 'dianxiaomi.csv')))).toThrow();
  });

  for (const s of samples) {
    it(`${s.layout}: ${s.file} → exactly the planted findings`, async () => {
      copyFileSync(path.join(layouts, s.file), path.join(dir, s.file));
      const out = `${s.file}.report.xlsx`;
      const r = run(['audit', s.file, '--now', s.now, '--out', out, '--lang', 'en', '--no-progress'], dir);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      for (const text of s.stdout) expect(r.stdout).toContain(text);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, out));
      const ws = wb.getWorksheet('Findings')!;
      const head = (ws.getRow(1).values as unknown[]).slice(1);
      const col = (name: string) => head.indexOf(name) + 1;
      const got: Expected['findings'] = [];
      ws.eachRow((row, n) => {
        if (n === 1) return;
        got.push({
          row: row.getCell(col('Row')).value as number,
          orderId: String(row.getCell(col('Order ID')).value),
          rule: String(row.getCell(col('Rule')).value),
          severity: String(row.getCell(col('Severity')).value),
          costUsd: blankToEmpty(row.getCell(col('Cost (USD)')).value) as number | '',
        });
      });
      expect(got).toEqual(s.findings);
      // Tracking number and carrier are their own (filterable) columns.
      expect(head).toEqual(expect.arrayContaining(['Carrier', 'Tracking number']));
    });
  }

  it('Mabang: continuation rows join their order (no finding of their own), the total row is not an order', () => {
    const r = run(['audit', path.join(layouts, 'mabang.xlsx'), '--now', '2024-07-20', '--out', path.join(dir, 'mb.xlsx'), '--no-progress'], dir);
    expect(r.status).toBe(0);
    // 8 rows with content: 5 orders (3 continuation rows); row 10 (合计) is skipped, not counted.
    expect(r.stdout).toContain('Audited 5 orders (8 rows, header in row 1)');
    expect(r.stdout).toContain('rows 3, 4, 6');
  });

  it('AliExpress older: the carrier:number note is a sentence in English and in Chinese', () => {
    const en = run(['audit', path.join(layouts, 'aliexpress-older.xls'), '--now', '2024-07-20', '--out', path.join(dir, 'ao.xlsx'), '--no-progress'], dir);
    expect(en.stdout).toMatch(/^Column "实际发货物流:运单号" holds carrier:number/m);
    const zh = run(['audit', path.join(layouts, 'mabang.xlsx'), '--now', '2024-07-20', '--out', path.join(dir, 'mbz.xlsx'), '--no-progress', '--lang', 'zh'], dir);
    expect(zh.stdout).toContain('第 3、4、6 行');
    const about = XLSX.read(readFileSync(path.join(dir, 'mbz.xlsx')), { type: 'buffer' }).Sheets['说明'];
    expect(XLSX.utils.sheet_to_json<unknown[]>(about, { header: 1 })).toContainEqual(['未使用的列', '交易编号、店铺名、平台、订单状态、SKU、商品数量、订单备注']);
  });
});
