/**
 * Row pre-processing for the layouts sellers really export (../shared/notes/exports.md), before a
 * row is read as an order record:
 *  - the AliExpress combined cell `实际发货物流:运单号` ("carrier:number", several pairs for an order
 *    shipped in parts) is split: its column becomes the carrier, a column "运单号" is appended for
 *    the number(s); several pairs are kept one per line (shipmentPairs reads them back);
 *  - Mabang-style continuation rows (a blank order id right after an order, order-level cells blank)
 *    are more SKUs of that order: the order id is filled from the row above, never a DATA finding;
 *  - total rows (合计 / 总计 / Total …) are skipped and named in the Summary;
 *  - a carrier column that is only the buyer's chosen service (买家选择物流) is named in the Summary.
 * Pure and host-free; the session calls it (core/audit/session.ts).
 */
import { L, type Text } from '../text';
import { fold, toBool } from '../coerce';
import type { ColumnMapping, Field, MappingResult } from './types';
import { isBlankCell } from './record';
import { FIELD_LABELS } from './columns';

/** A header holding the carrier AND the tracking number in one cell: `实际发货物流:运单号`, "Carrier:Tracking No". */
const COMBINED_HEADER = /^(?:实际)?(?:发货)?(?:物流|承运商|快递)(?:商|公司|方式)?[:：/／|](?:运单|物流单|快递单|跟踪|追踪)?(?:号|单号|号码)$|^(?:carrier|courier|logistics)(?:name)?[:：/／|]tracking(?:no|number|#)?$/i;

/** Header texts of the two columns the combined cell is split into. */
export const SPLIT_CARRIER_HEADER = '实际发货物流';
export const SPLIT_TRACKING_HEADER = '运单号';

/** Words of a total row. */
const TOTAL_START = /^[\s\u3000]*[合总小汇共tsgＴＳＧ]/i;
const TOTAL_WORDS = /^(?:合计|总计|小计|总合计|汇总|共计|total|totals|grand\s*total|sub\s*total|subtotal|sum)\s*[:：]?$/i;

/**
 * "DHL:123; UPS:1Z…" → pairs. Pairs are separated by line breaks, ";", "；", "," or "，" (a carrier name
 * may hold spaces); carrier and number by the first ":" / "：". A part without a colon is a number only.
 */
export function splitCombined(text: string): { carrier: string; tracking: string }[] {
  const out: { carrier: string; tracking: string }[] = [];
  for (const part of fold(text).split(/[\r\n;；,，|]+/)) {
    const p = part.trim();
    if (!p) continue;
    const i = p.search(/[:：]/);
    if (i < 0) out.push({ carrier: '', tracking: p });
    else out.push({ carrier: p.slice(0, i).trim(), tracking: p.slice(i + 1).trim() });
  }
  return out;
}

/**
 * The (carrier, number) pairs of a record whose cells hold several, one per line (a split combined
 * cell); one pair otherwise. A number without its own carrier takes the first carrier.
 */
export function shipmentPairs(carrier: string, tracking: string): { carrier: string; tracking: string }[] {
  if (!tracking.includes('\n')) return [{ carrier, tracking }];
  const ts = tracking.split('\n');
  const cs = carrier.split('\n');
  return ts.map((t, i) => ({ carrier: (cs[i] ?? '').trim() || cs[0].trim(), tracking: t.trim() })).filter((p) => p.tracking !== '');
}

export interface Layout {
  /** The header the audit maps (the combined column split). */
  readonly header: unknown[];
  /** Call once with the mapping of `header`. */
  bind(mapping: MappingResult): void;
  /** One data row as the audit reads it, or undefined when it is not an order (a total row). */
  row(cells: readonly unknown[], sheetRow: number): readonly unknown[] | undefined;
  /** What the Summary says about the layout (split column, continuation rows, total rows, fallback columns). */
  notes(): Text[];
}

const ORDER_LEVEL: readonly Field[] = ['destination', 'paidAt'];

/**
 * [X-PEN-TIMEOUT] An appeal column whose header names an outcome (有效申诉, 申诉结果, Valid appeal,
 * Appeal result): a plain yes there is an upheld appeal. Any other appeal header (是否申诉, 已申诉, 申诉,
 * Appealed): a plain yes only says an appeal was filed, outcome unknown: the penalty counts, with a note.
 */
const APPEAL_OUTCOME_HEADER = /有效|结果|成立|通过|valid|result|outcome|upheld|approved|granted|success/i;

/** The first rows (at most 10 kept) of `total`, "… (total)" when there are more. */
const rowList = (rows: readonly number[], total: number, sep = ', ') => (total > rows.length ? `${rows.join(sep)} … (${total})` : rows.join(sep));

/** The layout of a table with this header row. */
export function prepareLayout(header: readonly unknown[]): Layout {
  const combined = header.findIndex((h) => typeof h === 'string' && COMBINED_HEADER.test(fold(h).replace(/\s+/g, '')));
  const width = header.length;
  const hdr: unknown[] = header.slice();
  if (combined >= 0) {
    hdr[combined] = SPLIT_CARRIER_HEADER;
    hdr.push(SPLIT_TRACKING_HEADER);
  }
  let map: ColumnMapping = {};
  let fallbacks: NonNullable<MappingResult['fallbacks']> = [];
  let orderCol: number | undefined;
  let levelCols: number[] = [];
  let lastOrder: unknown;
  // Continuation rows: how many, and the first ones (the Summary names at most 10).
  let continuations = 0;
  const continuation: number[] = [];
  const totals: { row: number; word: string }[] = [];
  let multiShip = 0;
  let appealCol: number | undefined;
  let appealHeader = '';
  let appealFiled = 0;

  return {
    header: hdr,
    bind(m) {
      map = m.mapping;
      fallbacks = m.fallbacks ?? [];
      orderCol = map.orderId;
      levelCols = ORDER_LEVEL.map((f) => map[f]).filter((c): c is number => c !== undefined);
      const a = map.appeal;
      appealHeader = a !== undefined ? String(hdr[a] ?? '') : '';
      appealCol = a !== undefined && !APPEAL_OUTCOME_HEADER.test(fold(appealHeader)) ? a : undefined;
    },
    row(cells, sheetRow) {
      if (!Array.isArray(cells)) return cells;
      let out: unknown[] | undefined;
      const copy = () => (out ??= cells.slice());
      // Total row: a cell saying 合计 / Total, and no order id (or the word itself in the id column).
      const id = orderCol !== undefined ? cells[orderCol] : undefined;
      const idBlank = isBlankCell(id);
      for (let c = 0; c < cells.length && c < 8; c++) {
        const v = cells[c];
        if (typeof v !== 'string' || v.length > 20 || v.length < 2 || !TOTAL_START.test(v)) continue;
        const w = fold(v).trim();
        if (TOTAL_WORDS.test(w) && (idBlank || c === orderCol)) {
          totals.push({ row: sheetRow, word: w });
          lastOrder = undefined;
          return undefined;
        }
      }
      if (combined >= 0) {
        const o = copy();
        while (o.length < width) o.push(null);
        const v = cells[combined];
        if (typeof v === 'string' && v.trim() !== '') {
          const pairs = splitCombined(v);
          o[combined] = pairs.map((p) => p.carrier).join('\n');
          o[width] = pairs.map((p) => p.tracking).join('\n');
          if (pairs.length > 1) multiShip++;
        } else o[width] = null;
      }
      if (appealCol !== undefined && !isBlankCell(cells[appealCol]) && toBool(cells[appealCol]) === true) {
        copy()[appealCol] = '已申诉';
        appealFiled++;
      }
      if (orderCol !== undefined) {
        if (!idBlank) lastOrder = id;
        else if (cells.every(isBlankCell)) lastOrder = undefined;
        else if (lastOrder !== undefined && levelCols.length > 0 && levelCols.every((c) => isBlankCell(cells[c]))) {
          // Mabang-style continuation row: more SKUs of the order above.
          const o = copy();
          while (o.length <= orderCol) o.push(null);
          o[orderCol] = lastOrder;
          if (continuations++ < 10) continuation.push(sheetRow);
        } else lastOrder = undefined;
      }
      return out ?? cells;
    },
    notes() {
      const n: Text[] = [];
      if (combined >= 0) {
        const h = String(header[combined]);
        n.push(L(
          `Column "${h}" holds carrier:number: split into the carrier and the tracking number${multiShip ? ` (${multiShip} order(s) shipped in parts, each number checked)` : ''}`,
          `“${h}”列为“物流:运单号”：已拆分为物流商和运单号${multiShip ? `（${multiShip} 个订单分包发货，逐个校验运单号）` : ''}`,
        ));
      }
      for (const f of fallbacks) {
        n.push(L(`${FIELD_LABELS[f.field].en} taken from column "${f.header}": ${f.why.en}`, `${FIELD_LABELS[f.field].zh}取自“${f.header}”列：${f.why.zh}`));
      }
      if (appealFiled) {
        n.push(L(
          `Column "${appealHeader}": a yes there says an appeal was filed, not that it was upheld (${appealFiled} row(s)); the delivery-timeout penalty is counted with a note that it may be waived [X-PEN-TIMEOUT]. A column of outcomes (有效申诉, 申诉结果, Valid appeal) reads yes as upheld.`,
          `“${appealHeader}”列：“是”只表示已提交申诉，不表示申诉成立（${appealFiled} 行）；妥投超时罚款照计，并注明可能被免除 [X-PEN-TIMEOUT]。申诉结果列（有效申诉、申诉结果、Valid appeal）中的“是”才算申诉成立。`,
        ));
      }
      if (continuations) {
        n.push(L(
          `${continuations} continuation row(s) (blank order id: more SKUs of the order above) read as part of that order: rows ${rowList(continuation, continuations)}`,
          `${continuations} 个续行（订单号为空：上一订单的其他 SKU）已并入该订单：第 ${rowList(continuation, continuations, '、')} 行`,
        ));
      }
      if (totals.length) {
        n.push(L(
          `${totals.length} total row(s) skipped, not orders: ${totals.map((t) => `row ${t.row} (${t.word})`).join(', ')}`,
          `已跳过 ${totals.length} 个合计行（不是订单）：${totals.map((t) => `第 ${t.row} 行（${t.word}）`).join('、')}`,
        ));
      }
      return n;
    },
  };
}
