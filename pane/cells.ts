/**
 * A cell as every host hands it to the pane, and as the pane hands it to a host: JSON-safe
 * (google.script.run and Excel take nothing else), blank = "". A Date (the engine's times are UTC
 * wall clock) becomes wall-clock ISO text, an invalid one and a non-finite number blank; a bilingual
 * text its English (a report cell is translated before it is written; this is the fallback).
 * Not report-file.ts's cellOf, on purpose: that one gives SheetJS null for a blank, so the report
 * leaves the cell out as the CLI's does.
 */
import { wallIso } from '../core/coerce';

export function jsonCell(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : wallIso(v.getTime());
  if (typeof v === 'object' && typeof (v as { en?: unknown }).en === 'string') return (v as { en: string }).en;
  return String(v);
}
