import { createAudit, type AuditReport, type Field, type Finding } from '../../core/audit';

/** A fixed audit time: 2024-07-05 00:00 UTC. */
export const NOW = Date.UTC(2024, 6, 5);

/** English headers for every field, in one order. */
export const HEADER: Record<Field, string> = {
  orderId: 'Order ID',
  destination: 'Country',
  paidAt: 'Payment time',
  uploadedAt: 'Upload time',
  carrier: 'Carrier',
  trackingNumber: 'Tracking number',
  firstScanAt: 'First scan time',
  lastEventAt: 'Last event time',
  deliveredAt: 'Delivered at',
  eventCount: 'Event count',
  events: 'Tracking events',
  orderAmount: 'Order amount (USD)',
  appeal: 'Valid appeal',
  uploadFailures: 'Upload failures',
  commercialInvoice: 'Commercial invoice',
  taxId: 'Tax id',
  giftWeight: 'Gift weight (g)',
  nfe: 'NFe',
  giftShippedAt: 'Gift shipped at',
  giftConfirmedAt: 'Confirm shipped at',
  labelCode: 'Label code',
  giftStatus: 'Gift status',
  giftThreshold: 'Gift threshold',
  ownPackaging: 'Own packaging',
  packagingApproved: 'Packaging approved',
  giftSku: 'Gift SKU',
  skuCategory: 'Gift category',
  packagingMarks: 'Packaging marks',
  skuDocuments: 'Review documents',
  currency: 'Currency',
};

export type Row = Partial<Record<Field, unknown>>;

/** A clean delivered order (no findings with the built-in card): DHL to the US with a gift. */
export const CLEAN: Row = {
  orderId: '8100000000000001',
  destination: 'US',
  paidAt: '2024-06-03 10:00',
  uploadedAt: '2024-06-03 20:00',
  carrier: 'DHL',
  trackingNumber: '3318810025',
  firstScanAt: '2024-06-04 09:00',
  lastEventAt: '2024-06-12 15:00',
  deliveredAt: '2024-06-12 15:00',
  eventCount: 9,
  orderAmount: 45,
  appeal: '否',
  uploadFailures: 0,
  giftWeight: 30,
  giftShippedAt: '2024-06-03 12:00',
  giftConfirmedAt: '2024-06-03 18:00',
  labelCode: 'SG240603000001',
  giftStatus: 'SHIPPED',
  giftThreshold: 30,
};

/** Audit rows given as field → value objects, using exactly the fields named in `fields` (default: every field in CLEAN plus any the rows use). */
export function audit(rows: Row[], opts: { fields?: Field[]; now?: number } = {}): AuditReport {
  const fields = opts.fields ?? ([...new Set([...Object.keys(CLEAN), ...rows.flatMap((r) => Object.keys(r))])] as Field[]);
  const header = fields.map((f) => HEADER[f]);
  const s = createAudit(header, { now: opts.now ?? NOW });
  if (s.error) throw new Error(s.error.en);
  s.push(rows.map((r) => fields.map((f) => (r[f] === undefined ? null : r[f]))), 0);
  return s.finish();
}

export const rulesOf = (r: AuditReport): string[] => r.findings.map((f) => f.rule);
export const only = (r: AuditReport, rule: string): Finding[] => r.findings.filter((f) => f.rule === rule);
