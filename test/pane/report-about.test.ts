/**
 * The report's About sheet and file name are written once (core/audit/about.ts) for the CLI and the
 * browser app: for the same audit both reports carry the same rows (the browser's adds the chart it
 * cannot draw) and the same name.
 */
import { spawnSync, execSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { aboutRows, reportFileName as coreFileName } from '../../core/audit/about';
import { PaneController } from '../../pane/controller';
import { coreEngine } from '../../pane/engine';
import { createFileHost } from '../../pane/file-host';
import { reportFileName } from '../../pane/report-file';

const root = path.resolve('.');
const cli = path.join(root, 'dist/cli/ae-rules.cjs');
const FILE = 'mabang.xlsx';
const NOW = '2024-08-01';

const sheetRows = (bytes: Uint8Array, name: string) => XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes, { type: 'array' }).Sheets[name], { header: 1 }) as string[][];

async function browserReport(lang: 'en' | 'zh') {
  const host = createFileHost({ lang, version: '9.9.9' });
  const ctl = new PaneController(host, { engine: coreEngine, now: Date.parse(`${NOW}T00:00:00`) });
  await ctl.openFile(FILE, new Uint8Array(readFileSync(path.resolve('examples/layouts', FILE))));
  await ctl.run();
  expect(ctl.state.run.status).toBe('done');
  return host.reportFile()!;
}

describe('one About sheet for the CLI and the browser app', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(cli)) execSync('npx webpack --mode production --env only=cli', { cwd: root, stdio: 'ignore' });
    dir = mkdtempSync(path.join(tmpdir(), 'ae-about-'));
    copyFileSync(path.resolve('examples/layouts', FILE), path.join(dir, FILE));
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`the same rows and the same file name from both (${lang})`, async () => {
      const r = spawnSync(process.execPath, [cli, 'audit', FILE, '--now', NOW, '--lang', lang, '--no-progress'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
      expect(r.status, r.stderr).toBe(0);
      const browser = await browserReport(lang);
      // The same name: the CLI's default output is the browser's download.
      expect(existsSync(path.join(dir, browser.name))).toBe(true);
      const about = lang === 'zh' ? '说明' : 'About';
      const fromCli = sheetRows(new Uint8Array(readFileSync(path.join(dir, browser.name))), about);
      const fromBrowser = sheetRows(browser.bytes, about);
      const unused = lang === 'zh' ? '未使用的列' : 'Columns not used';
      // The same labels in the same order (both draw the weekly chart).
      expect(fromCli.map((x) => x[0])).toEqual([lang === 'zh' ? '审核对象' : 'Audit of', lang === 'zh' ? '生成工具' : 'Created by', lang === 'zh' ? '生成时间（UTC）' : 'Created at (UTC)', unused]);
      expect(fromBrowser.map((x) => x[0])).toEqual(fromCli.map((x) => x[0]));
      // The same audited file and sheet, the same unused columns.
      for (const i of [0, 3]) expect(fromBrowser[i]).toEqual(fromCli[i]);
      expect(fromCli[3][1]).toBe(lang === 'zh' ? '交易编号、店铺名、平台、订单状态、SKU、商品数量、订单备注' : '交易编号, 店铺名, 平台, 订单状态, SKU, 商品数量, 订单备注');
      expect(fromCli[1][1]).toMatch(/^ae-rules /);
      expect(fromBrowser[1][1]).toBe(lang === 'zh' ? 'AE Seller Rules 9.9.9 (浏览器版)' : 'AE Seller Rules 9.9.9 (browser app)');
      // One writer: the same sheets with the same cells, the Weekly chart as the same image.
      const cliBytes = new Uint8Array(readFileSync(path.join(dir, browser.name)));
      const names = XLSX.read(cliBytes, { type: 'array' }).SheetNames;
      expect(XLSX.read(browser.bytes, { type: 'array' }).SheetNames).toEqual(names);
      for (const name of names.slice(0, 3)) expect(sheetRows(browser.bytes, name), name).toEqual(sheetRows(cliBytes, name));
      const parts = (bytes: Uint8Array) => Object.keys(unzipSync(bytes)).sort();
      expect(parts(browser.bytes)).toEqual(parts(cliBytes));
      expect(parts(browser.bytes)).toContain('xl/media/image1.png');
      expect(unzipSync(browser.bytes)['xl/media/image1.png']).toEqual(unzipSync(cliBytes)['xl/media/image1.png']);
    });
  }

  it('one file-name rule: no folder in the core, any folder in the browser', () => {
    for (const [input, out] of [
      ['orders.xlsx', 'orders-audit.xlsx'],
      ['orders.XLSX', 'orders-audit.xlsx'],
      ['orders.CSV', 'orders-csv-audit.xlsx'],
      ['a.b.xls', 'a.b-xls-audit.xlsx'],
      ['orders', 'orders-audit.xlsx'],
      ['.hidden', '.hidden-audit.xlsx'],
    ]) {
      expect(coreFileName(input)).toBe(out);
      expect(reportFileName(`C:\\exports\\${input}`)).toBe(out);
      expect(reportFileName(`/home/me/${input}`)).toBe(out);
    }
  });

  it('rows without unused columns or a chart: three', () => {
    const rows = aboutRows({ report: { mapping: { unmatched: [] } }, source: { file: 'x.csv' }, lang: 'en', now: new Date(Date.UTC(2024, 6, 5, 8, 30)), writer: { kind: 'cli', version: '1.0.0' } });
    expect(rows).toEqual([
      ['Audit of', 'x.csv'],
      ['Created by', 'ae-rules 1.0.0'],
      ['Created at (UTC)', '2024-07-05 08:30'],
    ]);
  });
});
