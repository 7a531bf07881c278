/**
 * The custom-function adapter: every spreadsheet function of the catalogue, called with the arguments
 * Sheets hands over (single values, 2-D arrays for ranges, "" for empty cells, Date objects for
 * dates), returning a value or a 2-D array.
 *
 * Errors are TEXT in the cell, for scalars and inside ranges alike: "#N/A: Small Gifts are not
 * offered in Egypt: …", in the user's language. Throwing would show #ERROR! for a scalar and blank
 * a whole spilled range; text keeps every host cell readable and the rest of a column intact.
 * (Test for it with =LEFT(A1,1)="#" — ISERROR() does not see text.)
 */
import { callFunction } from '../../core/catalogue/call';
import { CATALOGUE, getFunction } from '../../core/functions';
import type { RuleError } from '../../core/errors';
import type { Lang } from '../../core/text';
import type { ArgKind, ResultKind } from '../../core/catalogue/types';
import { dateToWallMs, isDate, userLang, wallMsToDate } from './env';

/** How an error shows in a cell. */
export const errorText = (e: RuleError, lang: Lang): string => `${e.kind}: ${lang === 'zh' ? e.zh : e.en}`;

/** Sheets Dates → Dates whose UTC clock is the sheet's wall clock (how the core reads times). */
function fromSheets(x: unknown): unknown {
  if (isDate(x)) return new Date(dateToWallMs(x));
  if (Array.isArray(x)) return x.map(fromSheets);
  return x;
}

/**
 * Run one catalogue function for Sheets. Never throws for user input; an unknown name is a bug in
 * the generated wrappers and does throw.
 */
export function call(name: string, args: ArrayLike<unknown>): unknown {
  const def = getFunction(name);
  if (!def) throw new Error(`AE Seller Rules: unknown function ${name}`);
  const lang = userLang();
  try {
    return callFunction(def, Array.from(args ?? [], fromSheets), {
      lang,
      now: dateToWallMs(new Date()),
      dateOut: wallMsToDate,
      errorOut: errorText,
      blank: '',
      // Open-ended ranges (E2:E, E:E) answer down to the last non-empty row only.
      trimTrailingEmpty: true,
    });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return lang === 'zh' ? `#VALUE!: ${name} 内部错误：${msg}` : `#VALUE!: internal error in ${name}: ${msg}`;
  }
}

/** What the build needs to generate the JSDoc wrappers (dist/sheets/functions.js). */
export interface FunctionMeta {
  name: string;
  nameZh: string;
  help: { en: string; zh: string };
  result: ResultKind;
  args: { name: string; nameZh: string; kind: ArgKind; optional: boolean; help: { en: string; zh: string }; choices?: string[] }[];
  examples: { formula: string; result: string }[];
}

export function catalogueMeta(): FunctionMeta[] {
  return CATALOGUE.map((d) => ({
    name: d.name,
    nameZh: d.nameZh,
    // aerules.js is built without help text (webpack/strip-help.js): '' there, the text in sheets-meta.
    help: { en: d.help?.en ?? '', zh: d.help?.zh ?? '' },
    result: d.result,
    args: d.args.map((a) => ({
      name: a.name,
      nameZh: a.nameZh,
      kind: a.kind,
      optional: Boolean(a.optional),
      help: { en: a.help?.en ?? '', zh: a.help?.zh ?? '' },
      ...(a.choices ? { choices: [...a.choices] } : {}),
    })),
    examples: (d.examples ?? []).map((e) => ({ formula: e.formula, result: e.result })),
  }));
}
