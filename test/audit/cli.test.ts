import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, execSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/ae-rules.cjs');
const run = (args: string[], cwd: string, env: Record<string, string> = {}) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env } });

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
    expect(r.stdout).toContain('600 个订单（602 行，表头在第 1 行）');
    expect(r.stdout).toContain('2024-07-05 00:00（当地时间）');
    expect(readFileSync(input).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'orders-audit.xlsx'));
    // A Chinese report has Chinese sheet names [issue 11].
    expect(wb.worksheets.map((w) => w.name)).toEqual(['审核结果', '汇总', '每周费用', '说明']);
    const findings = wb.getWorksheet('审核结果')!;
    expect(findings.getRow(1).getCell(1).value).toBe('行号');
    expect(findings.rowCount).toBe(1 + 84);
    expect((wb.model as { media?: unknown[] }).media?.length).toBe(1); // the weekly chart image
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the report (with its chart image) opens in SheetJS too, not only in exceljs', () => {
    // SheetJS cannot read a stored (uncompressed) zip entry that uses a data descriptor: the
    // chart PNG was written that way, so every report failed with "Bad compressed size".
    const r = run(['audit', 'orders.csv', '--out', 'sheetjs.xlsx', '--now', '2024-07-05', '--no-progress'], dir);
    expect(r.status).toBe(0);
    const wb = XLSX.read(readFileSync(path.join(dir, 'sheetjs.xlsx')), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['Findings', 'Summary', 'Weekly', 'About']);
    expect(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Findings, { header: 1 })).toHaveLength(1 + 84);
  });

  it('English counts agree with their number: "1 order", "1 finding", not "1 orders" [X-PEN-TIMEOUT]', () => {
    writeFileSync(path.join(dir, 'one.csv'), '订单号,目的国,付款时间,妥投时间,订单金额\nA1,US,2024-05-01 10:00,,100\n');
    const r = run(['audit', 'one.csv', '--out', 'one.xlsx', '--now', '2024-07-05', '--no-progress'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Audited 1 order (1 row, header in row 1) from one.csv (one): 1 finding on 1 order.');
  });

  it('a gift-SKU sheet is counted in gift SKUs, not orders, and has no open-order line [G-REVIEW]', () => {
    copyFileSync(path.join(root, 'examples', 'gift-skus.csv'), path.join(dir, 'gift-skus.csv'));
    const en = run(['audit', 'gift-skus.csv', '--now', '2024-07-05'], dir);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^Audited \d+ gift SKUs \(\d+ rows, header in row 1\)/m);
    expect(en.stdout).toMatch(/findings? on \d+ gift SKUs?\./);
    expect(en.stdout).not.toMatch(/\borders?\b/);
    expect(en.stdout).not.toContain('Open orders judged');
    const zh = run(['audit', 'gift-skus.csv', '--now', '2024-07-05', '--lang', 'zh', '--out', 'skus-zh.xlsx'], dir);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/中的 \d+ 个礼物 SKU（\d+ 行/);
    expect(zh.stdout).not.toContain('订单');
  });

  it('audits a csv with --out', async () => {
    const r = run(['audit', 'orders.csv', '--out', 'report.xlsx', '--now', '2024-07-05'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('84 findings on 83 orders');
    expect(r.stdout).toContain('Open orders judged as of 2024-07-05 00:00 (local time)');
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

  it('default outputs: orders.xlsx → orders-audit.xlsx, orders.csv → orders-csv-audit.xlsx (one never replaces the other)', () => {
    const sub = mkdtempSync(path.join(tmpdir(), 'ae-cli-out-'));
    for (const f of ['orders.xlsx', 'orders.csv']) copyFileSync(path.join(root, 'examples', f), path.join(sub, f));
    expect(run(['audit', 'orders.xlsx', '--now', '2024-07-05', '--no-progress'], sub).status).toBe(0);
    expect(run(['audit', 'orders.csv', '--now', '2024-07-05', '--no-progress'], sub).status).toBe(0);
    expect(readdirSync(sub).filter((f) => f.endsWith('-audit.xlsx')).sort()).toEqual(['orders-audit.xlsx', 'orders-csv-audit.xlsx']);
  });

  it('default "now" is the local wall clock (UTC+8 in China), said so in the output', () => {
    const before = Date.now() + 8 * 3_600_000;
    const r = run(['audit', 'orders.csv', '--out', 'now.xlsx', '--no-progress'], dir, { TZ: 'Asia/Shanghai' });
    expect(r.status).toBe(0);
    const m = /judged as of (\d{4}-\d\d-\d\d \d\d:\d\d) \(local time\)/.exec(r.stdout);
    expect(m).not.toBeNull();
    const shown = Date.parse(m![1].replace(' ', 'T') + 'Z');
    expect(Math.abs(shown - before)).toBeLessThan(3 * 60_000);
  });

  it('a title row above the headers is skipped; --map maps a column by letter or header text', () => {
    // Row 1: a title; row 2: empty; row 3: headers the audit does not know for the order id.
    writeFileSync(path.join(dir, 'titled.csv'), '6月订单导出,,\n,,\n订单号,物流商,运单号\n81001,DHL,3318 810025\n81002,DHL,3318810025\n');
    const t = run(['audit', 'titled.csv', '--out', 'titled.xlsx', '--now', '2024-07-05', '--no-progress'], dir);
    expect(t.status).toBe(0);
    expect(t.stdout).toContain('2 orders (2 rows, header in row 3)');
    expect(t.stdout).toContain('1 finding on 1 order');

    writeFileSync(path.join(dir, 'odd.csv'), '6月订单导出,,\n编号,快递,单号\n81001,DHL,3318 810025\n');
    const miss = run(['audit', 'odd.csv', '--out', 'odd.xlsx', '--no-progress'], dir);
    expect(miss.status).toBe(1);
    // The hint names the column of the first header the audit did not recognise (编号 in A), not always B.
    expect(miss.stderr).toContain('--map orderId=A (a column letter) or --map orderId="编号"');
    const missZh = run(['audit', 'odd.csv', '--out', 'odd.xlsx', '--no-progress', '--lang', 'zh'], dir);
    expect(missZh.stderr).toContain('--map orderId=A（列字母）或 --map orderId="编号"');
    const byText = run(['audit', 'odd.csv', '--out', 'odd.xlsx', '--now', '2024-07-05', '--no-progress', '--map', 'orderId=编号', '--map', 'carrier=快递', '--map', 'trackingNumber=单号'], dir);
    expect(byText.stderr).toBe('');
    expect(byText.stdout).toContain('1 order (1 row, header in row 2)');
    expect(byText.stdout).toContain('1 finding on 1 order');
    const byLetter = run(['audit', 'odd.csv', '--out', 'odd2.xlsx', '--now', '2024-07-05', '--no-progress', '-m', 'orderId=A', '-m', '物流商=B', '-m', 'trackingNumber=C'], dir);
    expect(byLetter.stdout).toContain('1 finding on 1 order');
    const bad = run(['audit', 'odd.csv', '--map', 'colour=A', '--lang', 'zh'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('未知字段');
    const noCol = run(['audit', 'odd.csv', '--map', 'orderId=Nope'], dir);
    expect(noCol.stderr).toContain('--map: no column with the header or letter "Nope" for Order ID');
    // A letter past the table names the table's columns and the letter given.
    const pastEnd = run(['audit', 'odd.csv', '--map', 'orderId=ZZ'], dir);
    expect(pastEnd.status).toBe(1);
    expect(pastEnd.stderr).toContain('column for Order ID must be one of columns A–C, got column ZZ');
  });

  it('no header recognised at all: --map by letter or by header text finds the header row below the title', () => {
    // Nothing names an audit field: the header falls back to the first non-empty row (the title).
    writeFileSync(path.join(dir, 'blind.csv'), '6月订单导出,,\n编号,货运,单号X\n81001,DHL,3318 810025\n81002,DHL,3318810025\n');
    const miss = run(['audit', 'blind.csv', '--out', 'blind.xlsx', '--no-progress'], dir);
    expect(miss.status).toBe(1);
    expect(miss.stderr).toContain('--map orderId=A');
    const byLetter = run(['audit', 'blind.csv', '--out', 'blind1.xlsx', '--now', '2024-07-05', '--no-progress', '-m', 'orderId=A', '-m', 'carrier=B', '-m', 'trackingNumber=C'], dir);
    expect(byLetter.stderr).toBe('');
    expect(byLetter.stdout).toContain('2 orders (2 rows, header in row 2)');
    expect(byLetter.stdout).toContain('1 finding on 1 order');
    const byText = run(['audit', 'blind.csv', '--out', 'blind2.xlsx', '--now', '2024-07-05', '--no-progress', '-m', 'orderId=编号', '-m', 'carrier=货运', '-m', 'trackingNumber=单号X'], dir);
    expect(byText.stderr).toBe('');
    expect(byText.stdout).toContain('2 orders (2 rows, header in row 2)');
    // A two-row header: the group row above is skipped.
    writeFileSync(path.join(dir, 'grouped.csv'), 'Order,,,Logistics\nOrder ID,Country,Carrier,Tracking number\n81001,US,DHL,3318 810025\n');
    const g = run(['audit', 'grouped.csv', '--out', 'grouped.xlsx', '--now', '2024-07-05', '--no-progress'], dir);
    expect(g.stderr).toBe('');
    expect(g.stdout).toContain('1 order (1 row, header in row 2)');
  });

  it('a title row above the headers: --map by header text picks the header row first, then maps against it (texts that look like column letters too)', () => {
    // "Ref", "Via", "Trk" are also column letters: resolved against the title row they named columns REF, VIA, TRK.
    writeFileSync(path.join(dir, 'export.csv'), 'Orders export 2026-11,,,\nRef,Dest,Via,Trk\n81001,US,DHL,3318 810025\n81002,US,DHL,3318810025\n');
    const r = run(['audit', 'export.csv', '--out', 'export.xlsx', '--now', '2024-07-05', '--no-progress', '--map', 'order_id=Ref', '--map', 'carrier=Via', '--map', 'trackingNumber=Trk'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2 orders (2 rows, header in row 2)');
    expect(r.stdout).toContain('1 finding on 1 order'); // [X-FORMAT] "3318 810025"
    // A header the audit half knows ("Tracking number"): the mapped text still picks it over the title.
    writeFileSync(path.join(dir, 'export2.csv'), 'Orders export 2026-11\nOrder ref,Carrier,Tracking number\n81001,DHL,3318 810025\n');
    const r2 = run(['audit', 'export2.csv', '--out', 'export2.xlsx', '--now', '2024-07-05', '--no-progress', '--map', 'order_id=Order ref'], dir);
    expect(r2.stderr).toBe('');
    expect(r2.stdout).toContain('1 order (1 row, header in row 2)');
  });

  it('--rates: the Summary and the output name the user card; shares and money formatted from the report formats', async () => {
    writeFileSync(path.join(dir, 'mine.csv'), 'key,value\ngift.tiers.emerging.fee,3.00\n');
    const r = run(['audit', 'orders.csv', '--out', 'mine.xlsx', '--now', '2024-07-05', '--rates', 'mine.csv', '--no-progress'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Rate card: 2024-standard from mine.csv (2024-standard + 1 row(s) changed).');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'mine.xlsx'));
    const ss = wb.getWorksheet('Summary')!;
    const rows: unknown[][] = [];
    ss.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const cardRow = rows.find((x) => x[0] === 'Rate card')!;
    expect(cardRow.slice(0, 3)).toEqual(['Rate card', '2024-standard', 'your card "mine.csv": 2024-standard + 1 row(s) changed']);
    // Every number under the share column is a percent, under the money columns 2 decimals; nothing else is.
    let percents = 0;
    ss.eachRow((row, n) => {
      if (n === 1) return;
      row.eachCell((cell, col) => {
        if (typeof cell.value !== 'number') return;
        const want = col === 5 ? '0.0%' : [6, 7, 9].includes(col) ? '#,##0.00' : undefined;
        expect([n, col, cell.numFmt || undefined]).toEqual([n, col, want]);
        if (want === '0.0%') percents++;
      });
    });
    expect(percents).toBeGreaterThan(5);
    const allOrders = rows.find((x) => x[0] === 'All orders')!;
    expect(typeof allOrders[4]).toBe('number');
  });

  it('a CSV with an unterminated quote: exit 1 and a message naming the line; nothing written', () => {
    writeFileSync(path.join(dir, 'bad-quote.csv'), '订单号,物流商,运单号\nA1,DHL,3318810025\nA2,"DHL,1234567891\nA3,DHL,1234567891\n');
    const r = run(['audit', 'bad-quote.csv', '--no-progress'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad-quote\.csv: a quote \(".*line 3 is never closed/);
    expect(existsSync(path.join(dir, 'bad-quote-csv-audit.xlsx'))).toBe(false);
  });

  it('a stray quote inside a cell is reported with its line, not silently merged', () => {
    writeFileSync(path.join(dir, 'stray.csv'), '订单号,物流商,运单号,备注\nA1,DHL,3318810025,ok\nA2,DHL,1234567891,12" box\n');
    const r = run(['audit', 'stray.csv', '--no-progress', '--lang', 'zh'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/第 3 行：单元格中间有多余的引号/);
  });

  it('a missing input file says "file not found" (exit 1), even when its folder does not exist', () => {
    for (const f of ['nope.xls', 'no-such-folder/deeper/orders.csv']) {
      const r = run(['audit', f], dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`file not found: ${f}`);
    }
  });

  it('--tz: "now" is the wall clock of the file\'s zone, named in the output; a bad zone is exit 1', () => {
    const r = run(['audit', 'orders.csv', '--out', 'tz.xlsx', '--tz', 'America/Los_Angeles', '--no-progress'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Open orders judged as of \d{4}-\d\d-\d\d \d\d:\d\d \(America\/Los_Angeles time/);
    expect(r.stdout).toContain('Times in the file are read as America/Los_Angeles wall-clock time');
    // The Summary sheet names the zone too, not "(local time)".
    const summary = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(path.join(dir, 'tz.xlsx')), { type: 'buffer' }).Sheets.Summary, { header: 1 });
    const judged = summary.find((row) => String(row[0]).startsWith('Open orders judged as of'));
    expect(judged?.[0]).toBe("Open orders judged as of (America/Los_Angeles time, the zone of the file's times)");
    const bad = run(['audit', 'orders.csv', '--tz', 'Mars/Olympus'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--tz must be an IANA time zone');
  });

  it('after an audit with skipped rules: the unused columns, and the exact --map for a near match', () => {
    writeFileSync(path.join(dir, 'near.csv'), '订单号,付款时间,上传时间,物流商,运单,备注\nA1,2024-07-01 10:00,2024-07-01 12:00,DHL,3318 810025,x\n');
    const r = run(['audit', 'near.csv', '--out', 'near.xlsx', '--no-progress'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Columns not used: E "运单", F "备注".');
    expect(r.stdout).toContain('Column E "运单" may be the tracking number (needed by X-FORMAT): if so, add --map trackingNumber="运单"');
    const mapped = run(['audit', 'near.csv', '--out', 'near2.xlsx', '--no-progress', '--map', 'trackingNumber=运单'], dir);
    expect(mapped.stdout).toContain('1 finding on 1 order');
    // No rule can run at all: the error's --map example is the near match, not just the first unknown header.
    writeFileSync(path.join(dir, 'near2.csv'), '备注,订单号,物流商,运单\nx,A1,DHL,3318 810025\n');
    const stop = run(['audit', 'near2.csv', '--no-progress'], dir);
    expect(stop.status).toBe(1);
    expect(stop.stderr).toContain('--map trackingNumber="运单"');
  });

  it('a tiny .xlsx with one cell at XFD1048576 ends in seconds with exit 0 or 1 and a message', async () => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['订单号', '运单号', '物流商'], ['A1', '3318810025', 'DHL', 'x']]), 'S');
    const zip = XLSX.CFB.read(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }), { type: 'buffer' });
    const entry = zip.FileIndex[zip.FullPaths.findIndex((p: string) => p.endsWith('sheet1.xml'))];
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8').replace(/D2/g, 'XFD1048576').replace(/A1:D2/g, 'A1:XFD1048576');
    entry.content = Buffer.from(xml.replace('<c r="XFD1048576"', '</row><row r="1048576"><c r="XFD1048576"'));
    writeFileSync(path.join(dir, 'huge.xlsx'), XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Buffer);
    const t0 = Date.now();
    const r = run(['audit', 'huge.xlsx', '--out', 'huge-report.xlsx', '--now', '2024-07-05', '--no-progress'], dir);
    expect(Date.now() - t0).toBeLessThan(30_000); // generous: it takes about a second
    expect([0, 1]).toContain(r.status);
    expect(r.stdout + r.stderr).toMatch(/beyond column 1024 \(first on row 1048576\) were not read/);
  });
});
