import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { auditTable, type AuditReport } from '../../core/audit';
import { isRuleError } from '../../core/errors';
import { readOrders } from '../../cli/read';

const dir = path.resolve(__dirname, '../../examples');
const expected = JSON.parse(readFileSync(path.join(dir, 'orders.expected.json'), 'utf8')) as {
  now: string; rows: number; orders: number; rowsAffected: number; counts: Record<string, number>; totals: { giftFeesCny: number; penaltiesUsd: number };
};

async function run(file: string): Promise<AuditReport> {
  const r = await readOrders(path.join(dir, file));
  if (!r.ok) throw new Error(r.error.en);
  const rep = await auditTable(r.table.header, r.table.rows, { now: Date.parse(expected.now), headerRow: r.table.headerRow, lang: 'zh', chunkSize: 128 });
  if (isRuleError(rep)) throw new Error(rep.en);
  return rep;
}

const counts = (r: AuditReport) => {
  const c: Record<string, number> = {};
  for (const f of r.findings) c[f.rule] = (c[f.rule] ?? 0) + 1;
  return c;
};

describe('sample workbook: the audit finds exactly what the generator planted', () => {
  for (const file of ['orders.xlsx', 'orders.csv']) {
    it(`${file}: counts per rule, totals, every column mapped from Chinese headers`, async () => {
      const r = await run(file);
      expect(r.mapping.missingRequired).toEqual([]);
      expect(r.mapping.unmatched).toEqual([]);
      // The sample ERP export has every order column; the packaging [G-PACK] and gift-SKU review
      // [G-REVIEW] columns belong to a gift-SKU sheet (examples/gift-skus.csv, test/audit/pack-review.test.ts).
      expect(r.mapping.skippedRules.map((s) => s.rule)).toEqual(['G-PACK', 'G-REVIEW']);
      expect(r.rowsAudited).toBe(expected.rows);
      // Two orders are on two rows each (one row per SKU): judged once, no second penalty or gift fee.
      expect(r.ordersAudited).toBe(expected.orders);
      expect(r.tables.summary.find((row) => String(row[0]).startsWith('占多行的订单'))![1]).toBe(expected.rows - expected.orders);
      const dup = r.findings.filter((f) => f.message.zh.includes('每个 SKU 一行'));
      expect(dup.map((f) => f.rule)).toEqual(['X-PEN-STALL']);
      expect(counts(r)).toEqual(expected.counts);
      expect(r.rowsAffected).toBe(expected.rowsAffected);
      expect(r.totals).toEqual(expected.totals);
      // Weekly table: one row per ISO week of June 2024 (W22–W26: June 30 2024 is a Sunday) plus the row without a payment date.
      expect(r.tables.weekly.slice(1).map((w) => w[0])).toEqual(['2024-W22', '2024-W23', '2024-W24', '2024-W25', '2024-W26', '（无日期）']);
      expect(r.tables.weekly[0][5]).toBe('礼物费用（人民币）');
      expect(r.chart.rows).toBe(r.tables.weekly.length - 1);
    });
  }
});
