/**
 * One definition per spreadsheet function (DESIGN.md property 1): name, arguments, bilingual help
 * and implementation. Excel's functions.json, the Sheets JSDoc wrappers, the Node entry and the
 * README table are all generated from these.
 */
import type { RuleError } from '../errors';
import type { RateCard } from '../rates';
import type { Lang, Localized, Text } from '../text';

/** Kinds of argument. Scalar kinds broadcast over ranges; range kinds take a whole range as one value. */
export type ScalarKind = 'number' | 'integer' | 'money' | 'rate' | 'bool' | 'date' | 'country' | 'text' | 'lang' | 'carrier';
export type RangeKind = 'texts' | 'numbers' | 'rates';
export type ArgKind = ScalarKind | RangeKind;
export const RANGE_KINDS: readonly ArgKind[] = ['texts', 'numbers', 'rates'];

export interface ArgDef {
  /** English identifier, snake_case (as FUNCTIONS.md spells it). */
  readonly name: string;
  /** Chinese display name (letters only, shown to zh-CN users). */
  readonly nameZh: string;
  readonly kind: ArgKind;
  readonly optional?: boolean;
  readonly help: Text;
  /** Inclusive bounds for number kinds. */
  readonly min?: number;
  readonly max?: number;
  /** Values offered as a list where the host supports it (e.g. carriers). */
  readonly choices?: readonly string[];
  /**
   * Hand the cell to the implementation as the host gave it (text, number, empty, boolean, Date…)
   * instead of coercing it: for tracking numbers, where an Excel number cell that lost digits must be
   * told apart from text [X-FORMAT]. The implementation then reads it itself and must never throw.
   */
  readonly raw?: boolean;
  /** A 'numbers' range of rates: each cell read like a rate argument (0.95, "95%" or 95 → 0.95). */
  readonly percent?: boolean;
  /** A 'number' argument in this unit: 'g' accepts "50 g" / "50克" and rejects other units (kg, lb). */
  readonly unit?: 'g';
  /**
   * A 'number' argument that may also say "no end" (长期, long-term, permanent): read as Infinity
   * (coerce.ts toNumberOrNoEnd), e.g. the months a business licence is still valid [X-ONBOARD].
   */
  readonly noEnd?: boolean;
  /**
   * A 'bool' argument that may also hold the thing itself (an NFe number): any non-empty text or number
   * that is not a yes/no word counts as TRUE; "N/A", "-", "无" as FALSE (coerce.ts toPresent).
   */
  readonly presence?: boolean;
  /**
   * A 'bool' argument holding an appeal result [X-PEN-TIMEOUT]: yes/no, or words such as "申诉成立" /
   * "approved" (TRUE), "驳回" / "rejected" / "pending" (FALSE); yes and no together, or no word at all,
   * is #VALUE! (coerce.ts toAppeal, the same reading as the audit's appeal column).
   */
  readonly appeal?: boolean;
}

export type ResultKind = 'number' | 'money' | 'bool' | 'text' | 'date';

export interface CallContext {
  readonly lang: Lang;
  /** "Now" for functions that default to today (wall-clock ms read as UTC, like every core time). */
  readonly now: number;
  /** The user's card (from a `rates` argument) or the built-in card in force at `atMs` (default now). */
  card(atMs?: number): RateCard | RuleError;
  /**
   * The cell of argument `i` as the host handed it for the current result cell (before coercion), for
   * messages that show how an input was read. Undefined when not given.
   */
  input?(i: number): unknown;
}

/** What an implementation returns for one cell. Dates are epoch ms when result is 'date'. */
export type CellOut = number | string | boolean | Localized | RuleError;

export interface FunctionDef {
  readonly name: string;
  readonly nameZh: string;
  readonly category: 'gift' | 'express' | 'tracking';
  /** RULES.md ids this function implements. */
  readonly rules: readonly string[];
  readonly help: Text;
  readonly args: readonly ArgDef[];
  readonly result: ResultKind;
  /** Examples for the README / help (Sheets spelling). */
  readonly examples: readonly { formula: string; result: string }[];
  /** Coerced arguments in declaration order (undefined = omitted optional). */
  readonly impl: (args: any[], ctx: CallContext) => CellOut;
  /**
   * Optional fast reader for big ranges (issue 12): made once per call, it gets the cells of one
   * result cell exactly as the host handed them (argument order, Dates unconverted) and returns the
   * shown value, or undefined where the general path must answer. It must give exactly what the
   * general path gives (a test compares them); only plain results (boolean, number, text).
   */
  readonly fast?: () => (cells: readonly unknown[]) => boolean | number | string | undefined;
}
