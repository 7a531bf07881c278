/**
 * A workbook opened in the pane is parsed once, whatever its number of sheets (pane/file-host.ts over
 * core/io/read's readOrdersBytesAll), and gives the same sources as reading each sheet on its own.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it, vi } from 'vitest';
import { readOrdersBytes, readOrdersBytesAll } from '../../core/io/read';
import { FileSources } from '../../pane/file-host';

const parses = vi.hoisted(() => ({ n: 0 }));
vi.mock('@e965/xlsx', async (importOriginal) => {
  const real = await importOriginal<typeof import('@e965/xlsx')>();
  return {
    ...real,
    read: (...args: Parameters<typeof real.read>) => {
      parses.n++;
      return real.read(...args);
    },
  };
});

function workbook(): Uint8Array {
  const wb = XLSX.utils.book_new();
  const orders = (id: string) => [['订单号', '目的国', '付款时间', '订单金额'], [`${id}1`, 'US', '2024-05-01 10:00', 10], [`${id}2`, 'BR', '2024-05-02 10:00', 20]];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(orders('A')), 'May');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), 'Empty');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(orders('B')), 'June');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(orders('C')), 'July');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('opening a workbook', () => {
  it('parses it once for all its sheets', () => {
    const bytes = workbook();
    const files = new FileSources();
    parses.n = 0;
    files.open('orders.xlsx', bytes);
    expect(parses.n).toBe(1);
    expect(files.sources().map((s) => s.label)).toEqual(['orders.xlsx › May', 'orders.xlsx › June', 'orders.xlsx › July']);
    expect(files.rows(files.sources()[2].id, 0, 5, 'en').map((r) => r[0])).toEqual(['C1', 'C2']);
  });

  it('readOrdersBytesAll gives what readOrdersBytes gives sheet by sheet', () => {
    const bytes = workbook();
    const all = readOrdersBytesAll(bytes, 'orders.xlsx');
    const first = readOrdersBytes(bytes, 'orders.xlsx');
    expect(all.ok && first.ok).toBe(true);
    if (!all.ok || !first.ok) return;
    const { others, ...rest } = all;
    expect(rest).toEqual(first);
    const each = first.sheets.slice(1).map((sheet) => readOrdersBytes(bytes, 'orders.xlsx', { sheet })).filter((r) => r.ok).map((r) => (r.ok ? r.table : undefined));
    expect(others).toEqual(each);
    // A text file: its one table; an unreadable file: the same error.
    const csv = new TextEncoder().encode('订单号,目的国\nA1,US\n');
    expect(readOrdersBytesAll(csv, 'a.csv')).toEqual({ ...readOrdersBytes(csv, 'a.csv'), others: [] });
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(readOrdersBytesAll(broken, 'b.xlsx')).toEqual(readOrdersBytes(broken, 'b.xlsx'));
  });
});
