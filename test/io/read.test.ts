import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { detectFormat, readOrdersBytes, readOrdersChunked, parseCsv, MAX_COLUMNS } from '../../core/io/read';

const enc = new TextEncoder();
const utf8 = (s: string) => enc.encode(s);
const book = (rows: unknown[][], bookType: XLSX.BookType, name = 'Sheet1') => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
};
const utf16 = (s: string, le = true) => {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = le ? 0xff : 0xfe;
  out[1] = le ? 0xfe : 0xff;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = le ? c & 0xff : c >> 8;
    out[3 + 2 * i] = le ? c >> 8 : c & 0xff;
  }
  return out;
};
const ROWS = [['订单号', '收货国家', '付款时间'], ['3018123456789012', 'Brazil', '2024.07.01 10:00']];

describe('readOrdersBytes: the format comes from the content, not the name', () => {
  for (const [kind, bytes, fmt] of [
    ['BIFF8 .xls', book(ROWS, 'biff8'), 'xls'],
    ['.xlsx', book(ROWS, 'xlsx'), 'zip'],
    ['.xlsm', book(ROWS, 'xlsm'), 'zip'],
    ['.ods', book(ROWS, 'ods'), 'zip'],
    ['UTF-8 CSV', utf8('订单号,收货国家,付款时间\n3018123456789012,Brazil,2024.07.01 10:00\n'), 'csv'],
    ['UTF-8 CSV with BOM', utf8('\ufeff订单号,收货国家,付款时间\r\n3018123456789012,Brazil,2024.07.01 10:00\r\n'), 'csv'],
    ['UTF-16LE Unicode Text (tabs)', utf16('订单号\t收货国家\t付款时间\r\n3018123456789012\tBrazil\t2024.07.01 10:00\r\n'), 'csv-utf16'],
    ['UTF-16BE text', utf16('订单号\t收货国家\t付款时间\n3018123456789012\tBrazil\t2024.07.01 10:00\n', false), 'csv-utf16'],
    ['GB18030 CSV', new Uint8Array(Buffer.from('b6a9b5a5bac52cCAD5BBF5B9FABCD22cB8B6BFEECAB1BCE40a333031383132333435363738393031322c4272617a696c2c323032342e30372e30312031303a30300a', 'hex')), 'csv-gb18030'],
  ] as const) {
    it(`${kind} → ${fmt}, whatever the file is called`, () => {
      expect(detectFormat(bytes)).toBe(fmt);
      const r = readOrdersBytes(bytes, 'orders.txt');
      if (!r.ok) throw new Error(r.error.en);
      expect(r.table.header).toEqual(ROWS[0]);
      expect(r.table.rows[0]).toEqual(ROWS[1]);
      expect(typeof r.table.rows[0][0]).toBe('string'); // 16-digit id stays text
    });
  }

  it('.xls sheet names, --sheet, an unknown sheet', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x']]), 'Notes');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(ROWS), 'Orders');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    const r = readOrdersBytes(bytes, 'a.xls', { sheet: 'Orders' });
    expect(r.ok && r.sheets).toEqual(['Notes', 'Orders']);
    expect(r.ok && r.table.header).toEqual(ROWS[0]);
    const bad = readOrdersBytes(bytes, 'a.xls', { sheet: 'Nope' });
    expect(!bad.ok && bad.error.en).toMatch(/no sheet named "Nope".*Notes, Orders/);
    const csv = readOrdersBytes(utf8('a,b\n1,2\n'), 'a.csv', { sheet: 'x' });
    expect(!csv.ok && csv.error.en).toMatch(/--sheet applies to workbooks/);
  });

  it('a date-formatted cell is a Date carrying the wall clock as UTC', () => {
    const ws = XLSX.utils.aoa_to_sheet([['订单号', '付款时间'], ['1', 45474.5]]);
    ws.B2.z = 'yyyy-mm-dd hh:mm';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    for (const bt of ['xlsx', 'biff8'] as const) {
      const r = readOrdersBytes(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: bt }) as ArrayBuffer), 'x');
      expect(r.ok && (r.table.rows[0][1] as Date).toISOString()).toBe('2024-07-01T12:00:00.000Z');
    }
  });

  it('a tiny .xlsx whose one cell is at XFD1048576 ends quickly with a message (the declared dimension allocates nothing)', () => {
    // Written small (SheetJS's writer walks the declared range), then the sheet XML is patched: B2 → XFD1048576.
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['订单号'], [null, 'x']]), 'S');
    const zip = XLSX.CFB.read(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }), { type: 'buffer' });
    const entry = zip.FileIndex[zip.FullPaths.findIndex((p: string) => p.endsWith('sheet1.xml'))];
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8').replace(/B2/g, 'XFD1048576').replace('<row r="2"', '<row r="1048576"');
    expect(xml).toContain('<dimension ref="A1:XFD1048576"/>');
    entry.content = Buffer.from(xml);
    const bytes = new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Buffer);
    expect(bytes.length).toBeLessThan(20_000);
    const t0 = Date.now();
    const r = readOrdersBytes(bytes, 'huge.xlsx');
    expect(Date.now() - t0).toBeLessThan(10_000); // generous: it takes milliseconds
    if (!r.ok) throw new Error(r.error.en);
    expect(r.table.header).toEqual(['订单号']);
    expect(r.table.header.length).toBeLessThanOrEqual(MAX_COLUMNS);
    expect(r.notes?.[0].en).toMatch(/beyond column 1024 \(first on row 1048576\) were not read/);
  });

  it('garbage and empty bytes: clear errors', () => {
    const e = readOrdersBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]), 'x.xls');
    expect(!e.ok && e.error.en).toMatch(/not a readable \.xls/);
    expect(readOrdersBytes(new Uint8Array(), 'x.csv')).toMatchObject({ ok: false });
    const bin = readOrdersBytes(new Uint8Array([1, 0, 2, 0, 0, 5, 0, 0, 7, 9, 0, 1]), 'x.csv');
    expect(bin.ok).toBe(false);
  });
});

describe('strict CSV quotes: an error naming the line, never a silent merge', () => {
  it('an unterminated quote', () => {
    const r = readOrdersBytes(utf8('订单号,国家\n1,BR\n2,"BR\n3,US\n4,MX\n'), 'o.csv');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.en).toMatch(/o\.csv: a quote \(".*line 3.*never closed/);
    expect(!r.ok && r.error.zh).toMatch(/第 3 行/);
  });
  it('a stray quote inside a cell', () => {
    const r = readOrdersBytes(utf8('订单号,国家,备注\n1,BR,ok\n2,US,12" box\n3,MX,x\n'), 'o.csv');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.en).toMatch(/line 3: a stray quote/);
  });
  it('text after a closing quote', () => {
    expect(() => parseCsv('a,b\n"x"y,1\n')).toThrow(/line 2: text right after a closing quote/);
  });
  it('quoted cells with commas, doubled quotes and line breaks stay one cell', () => {
    expect(parseCsv('a,b\n"x, ""y""\nz",1\n')).toEqual([['a', 'b'], ['x, "y"\nz', '1']]);
  });
  it('semicolons and tabs are found', () => {
    expect(parseCsv('a;b\n1;2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a\tb\n1\t2\n')).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('readOrdersChunked: a large CSV one slice at a time, the same rows as the simple path', () => {
  const rowsOf = (r: ReturnType<typeof readOrdersChunked>) => {
    if (!r.ok) throw new Error(r.error.en);
    const out: unknown[][] = [];
    const starts: number[] = [];
    for (const c of r.chunks()) {
      if ('error' in c) throw new Error(c.error.en);
      expect(c.firstDataRowIndex).toBe(out.length);
      starts.push(c.firstDataRowIndex);
      out.push(...c.rows);
    }
    return { out, starts };
  };
  const body = (n: number) => ['标题：6月订单', '订单号,物流商,备注', ...Array.from({ length: n }, (_, i) => (i % 7 === 3 ? `${i},DHL,"line one\nline ""two"", ok"` : `${i},UPS,plain`))].join('\r\n') + '\r\n';

  for (const chunkRows of [1, 3, 50, 1000]) {
    it(`chunks of ${chunkRows}: header found after a title row, rows equal readOrdersBytes`, () => {
      const bytes = utf8(body(437));
      const simple = readOrdersBytes(bytes, 'big.csv');
      if (!simple.ok) throw new Error(simple.error.en);
      const r = readOrdersChunked(bytes, 'big.csv', { chunkRows });
      expect(r.ok && [r.header, r.headerRow]).toEqual([simple.table.header, simple.table.headerRow]);
      const { out, starts } = rowsOf(r);
      expect(out).toEqual(simple.table.rows);
      expect(starts.length).toBe(Math.ceil(437 / chunkRows));
    });
  }

  it('a 200,000-row CSV comes in 5,000-row chunks', () => {
    const lines = ['订单号,物流商,运单号'];
    for (let i = 0; i < 200_000; i++) lines.push(`${i},DHL,3318810025`);
    const r = readOrdersChunked(utf8(lines.join('\n')), 'huge.csv');
    if (!r.ok) throw new Error(r.error.en);
    let n = 0;
    let chunks = 0;
    for (const c of r.chunks()) {
      if ('error' in c) throw new Error(c.error.en);
      expect(c.rows.length).toBeLessThanOrEqual(5_000);
      n += c.rows.length;
      chunks++;
    }
    expect([n, chunks]).toEqual([200_000, 40]);
  });

  it('a quote never closed far down the file: an error chunk naming its line, then nothing', () => {
    const lines = ['订单号,物流商'];
    for (let i = 0; i < 1000; i++) lines.push(i === 700 ? `${i},"DHL` : `${i},DHL`);
    const r = readOrdersChunked(utf8(lines.join('\n') + '\n'), 'q.csv', { chunkRows: 100 });
    if (!r.ok) throw new Error(r.error.en);
    const got = [...r.chunks()];
    const last = got[got.length - 1];
    expect('error' in last && last.error.en).toMatch(/^q\.csv: a quote \("\) opened on line 702 is never closed/);
    // The 700 rows before the quote may come (they are well-formed); nothing after it.
    expect(got.slice(0, -1).reduce((n, c) => n + ('rows' in c ? c.rows.length : 0), 0)).toBeLessThanOrEqual(700);
  });

  it('a stray quote in a later chunk names its line', () => {
    const lines = ['订单号,备注'];
    for (let i = 0; i < 500; i++) lines.push(i === 450 ? `${i},12" box` : `${i},ok`);
    const r = readOrdersChunked(utf8(lines.join('\n')), 's.csv', { chunkRows: 100 });
    if (!r.ok) throw new Error(r.error.en);
    const errs = [...r.chunks()].filter((c) => 'error' in c);
    expect(errs).toHaveLength(1);
    expect('error' in errs[0] && errs[0].error.en).toMatch(/line 452: a stray quote/);
  });

  it('a file larger than the 2 MiB decode window, quoted line breaks and Chinese text across the cuts: the same rows as the simple path', () => {
    const lines = ['订单号,物流商,物流轨迹'];
    for (let i = 0; i < 150_000; i++) lines.push(i % 5 === 0 ? `${i},中国邮政,"已揽收\n运输中, ""转运""\n已妥投"` : `${i},顺丰,已揽收`);
    const bytes = utf8('\ufeff' + lines.join('\r\n') + '\r\n');
    expect(bytes.length).toBeGreaterThan(2 * (1 << 21));
    const simple = readOrdersBytes(bytes, 'big.csv');
    if (!simple.ok) throw new Error(simple.error.en);
    const r = readOrdersChunked(bytes, 'big.csv', { chunkRows: 4_999 });
    const { out } = rowsOf(r);
    expect(out).toEqual(simple.table.rows);
    expect(r.ok && r.headRows.length).toBe(200);
  });

  it('chunks(afterRow): the data after another header row (the CLI --map), counted from there', () => {
    const r = readOrdersChunked(utf8('标题\n订单号,物流商\n1,DHL\n2,UPS\n3,EMS\n'), 't.csv', { chunkRows: 2 });
    if (!r.ok) throw new Error(r.error.en);
    expect([r.headerRow, r.headRows]).toEqual([2, [['标题'], ['订单号', '物流商'], ['1', 'DHL'], ['2', 'UPS'], ['3', 'EMS']]]);
    const got = [...r.chunks(3)].map((c) => ('rows' in c ? [c.firstDataRowIndex, c.rows] : c));
    expect(got).toEqual([[0, [['2', 'UPS'], ['3', 'EMS']]]]);
  });

  it('workbooks come sliced the same way', () => {
    const r = readOrdersChunked(book([...ROWS, ...ROWS.slice(1), ...ROWS.slice(1)], 'biff8'), 'x.xls', { chunkRows: 2 });
    expect(r.ok && [...r.chunks()].map((c) => ('rows' in c ? c.rows.length : -1))).toEqual([2, 1]);
  });
});

describe('reader edge cases found in review', () => {
  it('a CSV whose line breaks switch from CRLF to LF keeps every row (none folded into one record)', () => {
    const text = 'id,c\r\n' + Array.from({ length: 9 }, (_, i) => `A${i + 1},US\r\n`).join('') + Array.from({ length: 11 }, (_, i) => `A${i + 10},US\n`).join('');
    const r = readOrdersBytes(new TextEncoder().encode(text), 'mixed.csv');
    expect(r.ok && r.table.rows.map((x) => x[0])).toEqual(Array.from({ length: 20 }, (_, i) => `A${i + 1}`));
  });
  it('a workbook in the 1904 date system gives its real dates (serial 45000 = 2027-03-16)', () => {
    const ws = XLSX.utils.aoa_to_sheet([['订单号', '付款时间'], ['A1', 45000]]);
    ws.B2.z = 'yyyy-mm-dd';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    wb.Workbook = { WBProps: { date1904: true } };
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = readOrdersBytes(bytes, 'mac.xlsx');
    expect(r.ok && (r.table.rows[0][1] as Date).toISOString().slice(0, 10)).toBe('2027-03-16');
  });
});

describe('readOrdersBytes and readOrdersChunked decide what the bytes are in one place', () => {
  const gb = new Uint8Array(Buffer.from('b6a9b5a5bac52c0a2c0a', 'hex')); // "订单号,\n,\n" in GB18030
  for (const [kind, bytes, opts, want] of [
    ['0 bytes', new Uint8Array(0), {}, /^x\.csv is empty \(0 bytes\)$/],
    ['a PDF', utf8('%PDF-1.7\n'), {}, /unsupported file type "\.csv"/],
    ['--sheet on a text file', utf8('a,b\n1,2\n'), { sheet: 'S' }, /--sheet applies to workbooks/],
    ['UTF-8 with a NUL byte', utf8('a,b\n1,\u0000\n'), {}, /contains binary data/],
    ['UTF-16 with a NUL character', utf16('a\tb\r\n1\t\u0000\r\n'), {}, /contains binary data/],
    ['UTF-8 blank rows only', utf8(',\n , \n'), {}, /^sheet "x" is empty$/],
    ['UTF-16 blank rows only', utf16('\t\r\n\t\r\n'), {}, /^sheet "x" is empty$/],
    ['a workbook of blank cells', book([[' ', ' ']], 'xlsx'), {}, /^sheet "Sheet1" is empty$/],
  ] as const) {
    it(`${kind}: the same error, in English and Chinese`, () => {
      const a = readOrdersBytes(bytes, 'x.csv', opts);
      const b = readOrdersChunked(bytes, 'x.csv', opts);
      if (a.ok || b.ok) throw new Error('read');
      expect(a.error.en).toMatch(want);
      expect(b.error).toEqual(a.error);
      expect(a.error.zh).not.toBe(a.error.en);
    });
  }

  it('UTF-8, UTF-16 and GB18030 text: the same rows from both readers (decoded once, by the detected encoding)', () => {
    for (const bytes of [utf8('\ufeff订单号,运单号\n81,LX1\n'), utf16('订单号,运单号\r\n81,LX1\r\n'), gb]) {
      const a = readOrdersBytes(bytes, 'x.csv');
      const b = readOrdersChunked(bytes, 'x.csv');
      if (!a.ok || !b.ok) throw new Error('read');
      expect(b.header).toEqual(a.table.header);
      expect(b.format).toBe(a.format);
      expect([...b.chunks()].flatMap((c) => ('rows' in c ? c.rows : []))).toEqual(a.table.rows);
    }
  });
});
