/**
 * Seeded sample orders for the local demo page: an AliExpress-style export with Chinese headers and
 * a realistic share of problems (late uploads, malformed DHL numbers, stalled trails, timeouts,
 * missing customs documents, overweight gifts, a Brazil gift without NFe, a bad date, …).
 * Deterministic for a given seed, so the demo and its browser test always see the same workbook.
 */
import { mod7 } from '../../core/tracking/checksums';
import { MemoryWorkbook } from '../memory-host';

export const SAMPLE_HEADER = [
  '订单号',
  '目的国',
  '付款时间',
  '上传时间',
  '物流商',
  '运单号',
  '首次揽收时间',
  '最后轨迹时间',
  '妥投时间',
  '轨迹节点数',
  '订单金额（USD）',
  '申诉',
  '上传失败次数',
  '商业发票',
  '买家税号',
  '礼物重量（克）',
  'NFe号',
  '礼物发货时间',
  '确认发货时间',
  '面单号',
  '礼物状态',
  '备注',
];

/** mulberry32: a tiny seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** "2024-06-03 10:15" (UTC), as exports print it. */
export const stampText = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/** The demo's "now": open orders are judged against it. */
export const SAMPLE_NOW = Date.UTC(2024, 7, 5, 9, 0);

const COUNTRIES = ['美国', 'US', 'France', '德国', 'BR', '巴西', 'SA', 'PL', '波兰', 'RU', '俄罗斯', 'MX', '墨西哥', 'ES', '英国', 'EG', 'KR'];

export function sampleOrders(count = 300, seed = 20240601): unknown[][] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const chance = (p: number) => rand() < p;
  const rows: unknown[][] = [[...SAMPLE_HEADER]];
  const start = Date.UTC(2024, 5, 3, 0, 0);
  for (let i = 0; i < count; i++) {
    const paid = start + Math.floor(rand() * 58 * 24) * HOUR + Math.floor(rand() * 60) * 60_000;
    const country = pick(COUNTRIES);
    const iso = /巴西|BR/.test(country) ? 'BR' : /俄罗斯|RU/.test(country) ? 'RU' : /墨西哥|MX/.test(country) ? 'MX' : country;
    const upload = paid + (chance(0.12) ? 26 + Math.floor(rand() * 40) : 2 + Math.floor(rand() * 20)) * HOUR;
    const serial = String(100000000 + Math.floor(rand() * 899999999));
    let tracking = serial + String(mod7(serial));
    const r = rand();
    if (r < 0.04) tracking = `${tracking.slice(0, 4)} ${tracking.slice(4)}`;
    else if (r < 0.07) tracking = tracking.slice(0, 9);
    else if (r < 0.09) tracking = serial + String((mod7(serial) + 1) % 7);
    const firstScan = upload + (chance(0.1) ? 50 + Math.floor(rand() * 30) : 3 + Math.floor(rand() * 30)) * HOUR;
    const age = SAMPLE_NOW - paid;
    const delivered = chance(0.8) && age > 9 * 24 * HOUR ? firstScan + (6 + Math.floor(rand() * 14)) * 24 * HOUR : undefined;
    const deliveredAt = delivered !== undefined && delivered < SAMPLE_NOW ? delivered : undefined;
    const lastEvent =
      deliveredAt ?? Math.min(SAMPLE_NOW - (chance(0.25) ? 60 + Math.floor(rand() * 200) : 2 + Math.floor(rand() * 40)) * HOUR, SAMPLE_NOW);
    const events = deliveredAt ? (chance(0.1) ? 5 + Math.floor(rand() * 2) : 7 + Math.floor(rand() * 6)) : 3 + Math.floor(rand() * 5);
    const amount = Math.round((8 + rand() * 180) * 100) / 100;
    const needsDocs = iso === 'BR' || iso === 'RU' || iso === 'MX';
    const gift = chance(0.35);
    const giftShipped = gift ? paid + (4 + Math.floor(rand() * 30)) * HOUR : undefined;
    const row: unknown[] = [
      `8${String(1000000000000 + i * 7919 + Math.floor(rand() * 7000)).slice(0, 13)}`,
      country,
      stampText(paid),
      chance(0.03) ? '' : stampText(upload),
      chance(0.9) ? 'DHL' : 'DHL Express',
      tracking,
      stampText(firstScan),
      stampText(lastEvent),
      deliveredAt ? stampText(deliveredAt) : '',
      events,
      amount,
      !deliveredAt && age > 30 * 24 * HOUR && chance(0.3) ? '已申诉' : '',
      chance(0.05) ? 1 + Math.floor(rand() * 2) : 0,
      needsDocs ? (chance(0.75) ? `INV-${10000 + i}` : '') : '',
      needsDocs ? (chance(0.7) ? String(10000000000 + Math.floor(rand() * 8e10)) : '') : '',
      gift ? (chance(0.15) ? 52 + Math.floor(rand() * 30) : 18 + Math.floor(rand() * 32)) : '',
      gift && iso === 'BR' ? (chance(0.6) ? `NFe${35240600000 + i}` : '') : '',
      giftShipped ? stampText(giftShipped) : '',
      giftShipped ? (chance(0.1) ? '' : stampText(giftShipped + (2 + Math.floor(rand() * (chance(0.1) ? 70 : 30))) * HOUR)) : '',
      gift ? (chance(0.08) ? `LP00${Math.floor(rand() * 1e9)}` : `SG${String(Math.floor(rand() * 1e10)).padStart(10, '0')}`) : '',
      gift ? (chance(0.06) ? 'FAILED ERR-407' : chance(0.1) ? 'PENDING' : 'SHIPPED') : '',
      chance(0.05) ? '客户要求加急' : '',
    ];
    if (i === 17) row[2] = '2024-06-31 10:00'; // a date that does not exist
    if (i === 42) row[1] = 'KP'; // a blocked destination
    rows.push(row);
  }
  return rows;
}

/** The demo workbook: the orders sheet (active), a small table on another sheet, and a notes sheet. */
export function sampleWorkbook(count = 300): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet('订单 Orders', sampleOrders(count));
  const gifts = sampleOrders(40, 7).map((r) => [r[0], r[1], r[2], r[15], r[16], r[17], r[18], r[19], r[20]]);
  wb.addSheet('Gifts', [['小礼物订单 Gift orders (July)'], [], ...gifts]);
  wb.addTable({ name: 'GiftOrders', sheet: 'Gifts', top: 2, left: 0, rows: gifts.length - 1, columns: gifts[0].length });
  wb.addSheet('Notes', [['Anything the seller keeps here is never touched by the audit.']]);
  wb.activeSheet = '订单 Orders';
  return wb;
}
