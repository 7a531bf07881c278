/**
 * The streaming audit (StreamOptions: findings handed out in row order, orders judged when their
 * last row is in) gives exactly the report of the audit that keeps everything: the same findings in
 * the same order, the same counts, Summary and Weekly, on every example export and on tables whose
 * order rows are scattered (the `interleaved` second pass with orderLastRows).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createAudit, orderLastRows, type AuditOptions, type AuditReport, type Finding } from '../../core/audit';
import { readOrdersBytes } from '../../core/io/read';
import { HEADER, NOW, CLEAN, type Row } from './helpers';

const root = path.resolve(__dirname, '../..');

function whole(header: unknown[], rows: unknown[][], opts: AuditOptions): AuditReport {
  const s = createAudit(header, opts);
  s.push(rows, 0);
  return s.finish();
}

/** The streaming audit in chunks of `chunk` rows; a second pass with lastRows when the order rows are scattered. */
function streamed(header: unknown[], rows: unknown[][], opts: AuditOptions, chunk: number, forceLastRows = false): { report: AuditReport; findings: Finding[]; passes: number } {
  const run = (lastRows?: Map<string, number>) => {
    const got: Finding[] = [];
    const s = createAudit(header, { ...opts, onFinding: (f) => got.push(f), ...(lastRows ? { lastRows } : {}) });
    for (let i = 0; i < rows.length && !s.interleaved; i += chunk) s.push(rows.slice(i, i + chunk), i);
    return { s, got };
  };
  let passes = 1;
  let r = forceLastRows ? undefined : run();
  if (!r || r.s.interleaved) {
    passes = 2;
    const idx = orderLastRows(header, opts);
    for (let i = 0; i < rows.length; i += chunk) idx.push(rows.slice(i, i + chunk), i);
    r = run(idx.result());
    expect(r.s.interleaved).toBe(false);
  }
  const report = r.s.finish();
  expect(report.findingsStreamed).toBe(r.got.length);
  // The findings decided at finish merged in by row, after the streamed ones of the same row.
  const late = report.findings;
  for (let i = 1; i < r.got.length; i++) expect(r.got[i].row).toBeGreaterThanOrEqual(r.got[i - 1].row);
  const out: Finding[] = [];
  let j = 0;
  for (const f of r.got) {
    while (j < late.length && late[j].row < f.row) out.push(late[j++]);
    out.push(f);
  }
  while (j < late.length) out.push(late[j++]);
  return { report, findings: out, passes };
}

function same(a: AuditReport, b: { report: AuditReport; findings: Finding[] }) {
  expect(b.findings).toEqual(a.findings);
  const strip = (r: AuditReport) => ({ ...r, findings: undefined, findingsStreamed: undefined, tables: { ...r.tables, findings: r.tables.findings.slice(0, 1) } });
  expect(strip(b.report)).toEqual(strip(a));
}

const examples: [string, string][] = [
  ['examples/orders.csv', 'orders.csv'],
  ['examples/orders.xlsx', 'orders.xlsx'],
  ['examples/gift-skus.csv', 'gift-skus.csv'],
  ...readdirSync(path.join(root, 'examples/layouts')).filter((f) => !f.endsWith('.json')).map((f) => [`examples/layouts/${f}`, f] as [string, string]),
];

describe('streaming audit = the audit that keeps every finding', () => {
  for (const [file, name] of examples) {
    for (const chunk of [1, 7, 5000]) {
      it(`${name}, chunks of ${chunk}`, () => {
        const r = readOrdersBytes(new Uint8Array(readFileSync(path.join(root, file))), name);
        if (!r.ok) throw new Error(r.error.en);
        const opts: AuditOptions = { now: Date.UTC(2024, 6, 5), headerRow: r.table.headerRow, lang: 'zh' };
        const a = whole(r.table.header, r.table.rows, opts);
        expect(a.findings.length).toBeGreaterThan(0);
        same(a, streamed(r.table.header, r.table.rows, opts, chunk));
        same(a, streamed(r.table.header, r.table.rows, opts, chunk, true));
      });
    }
  }

  it('order rows scattered (SKU rows far apart, two orders with one id, failed gifts in a streak, unknown carriers, rows without an id): a second pass, the same report', () => {
    const cols = Object.keys(HEADER) as (keyof typeof HEADER)[];
    const header = cols.map((c) => HEADER[c]);
    const row = (o: Row) => cols.map((c) => (o[c] === undefined ? null : o[c]));
    const rows: unknown[][] = [];
    for (let i = 0; i < 60; i++) {
      const id = `81000000000${String(i).padStart(5, '0')}`;
      const o: Row = { ...CLEAN, orderId: i % 11 === 5 ? '' : id, paidAt: `2024-06-${String(1 + (i % 20)).padStart(2, '0')} 10:00` };
      if (i % 5 < 4) o.giftStatus = '失败';
      if (i % 7 === 2) o.carrier = 'Acme Parcel';
      if (i % 5 === 1) o.uploadedAt = '2024-06-25 10:00';
      if (i % 9 === 4) o.trackingNumber = '3318810026';
      rows.push(row(o));
      // A second SKU row of some orders, further down; some disagree on the country.
      if (i % 4 === 1 && o.orderId) rows.splice(Math.min(rows.length, (i * 7) % 50), 0, row({ orderId: id, destination: i % 8 === 1 ? 'BR' : undefined, trackingNumber: '3318810026' }));
    }
    const opts: AuditOptions = { now: NOW, lang: 'en' };
    const a = whole(header, rows, opts);
    const rules = new Set(a.findings.map((f) => f.rule));
    for (const r of ['G-CONFIRM-FREEZE', 'X-FORMAT', 'DATA', 'X-UPLOAD']) expect(rules, r).toContain(r);
    expect(a.findings.some((f) => f.message.en.includes('is also on row'))).toBe(true);
    for (const chunk of [1, 13, 1000]) {
      const b = streamed(header, rows, opts, chunk);
      expect(b.passes).toBe(2);
      same(a, b);
    }
  });
});
