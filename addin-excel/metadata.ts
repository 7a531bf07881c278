/**
 * Excel custom-function metadata (functions.json and functions-zh-cn.json), generated from the
 * function catalogue at build time (webpack/excel.config.js runs this through a Node bundle), so a
 * function cannot exist in the core and be missing in Excel.
 *
 * Every parameter is declared `type: "any", dimensionality: "matrix"` and every result
 * `dimensionality: "matrix"`: any argument may be a range (FUNCTIONS.md), and a range argument makes
 * the result a range of the broadcast shape. A scalar call returns a 1×1 matrix, which Excel shows as
 * an ordinary single value (see addin-excel/functions.ts).
 *
 * Real-host rules (docs/EXCEL-HOST.md):
 *  - `allowErrorForDataTypeAny: true`: an error cell inside a range argument reaches the function
 *    (as a CustomFunctions.Error value) instead of Excel answering #VALUE! for the whole call; the
 *    adapter turns it into that one result cell's error.
 *  - Function NAMES are the English sheet names in every display language: a formula typed as
 *    `=AE.SG_FEE(…)` (every document, the Sheets add-on, a colleague's workbook) must work in a
 *    Chinese-UI Excel too. Only descriptions and parameter help are localised (zh-CN file).
 *  - No custom enums: a parameter with `customEnumId` must be typed `string` (Microsoft's generator
 *    never emits one on `any`), the enum metadata format changed (customEnumId/stringValue vs
 *    customEnumType/value) and custom enums belong to no requirement set; a host that rejects the
 *    file shows #NAME? for EVERY function. Carrier names are listed in the parameter help instead.
 */
import type { ArgDef, FunctionDef } from '../core/catalogue/types';
import type { Lang } from '../core/text';

/** The formula namespace (`=AE.SG_FEE(...)`); also set in manifest.xml (Functions.Namespace). */
export const NAMESPACE = 'AE';

/** Limits from Microsoft's schema (extensionFunction / extensionFunctionParameter / enum). */
export const LIMITS = { description: 128, paramName: 64, nameMin: 3, nameMax: 64 } as const;

const NAME_RE = /^[\p{L}][\p{L}0-9._]*$/u;
const ID_RE = /^[a-zA-Z][a-zA-Z0-9._]*$/;

export interface CfParameter {
  name: string;
  description: string;
  type: 'any';
  dimensionality: 'matrix';
  optional?: boolean;
}
export interface CfFunction {
  id: string;
  name: string;
  description: string;
  parameters: CfParameter[];
  result: { dimensionality: 'matrix' };
}
export interface CfMetadata {
  /** Error cells of a range argument reach the function (every parameter is `any`). */
  allowErrorForDataTypeAny: true;
  functions: CfFunction[];
}

/** Cut a help text to Excel's limit at a word/phrase boundary, ending with "…". */
export function clip(s: string, max: number = LIMITS.description): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const at = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('，'), cut.lastIndexOf('；'), cut.lastIndexOf('、'));
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).replace(/[\s,;:，；：、(（]+$/, '')}…`;
}

/** The function name users type: the English sheet name in every language (see the header). */
function functionName(def: FunctionDef): string {
  if (!NAME_RE.test(def.name) || def.name.length < LIMITS.nameMin || def.name.length > LIMITS.nameMax) {
    throw new Error(`function name ${def.name} is not a valid Excel custom-function name`);
  }
  return def.name;
}

/** Parameter names stay English too (as FUNCTIONS.md spells them); zh-CN help starts with the Chinese name. */
function paramName(arg: ArgDef): string {
  return arg.name.trim().slice(0, LIMITS.paramName);
}

/** Parameter help: the help text, for zh-CN prefixed with the Chinese name; fixed choices listed. */
function paramHelp(arg: ArgDef, lang: Lang): string {
  const zhName = arg.nameZh.trim();
  // A help text that already starts with the name ("丢件率：0.02 或 2%") is not prefixed again.
  const base = lang === 'zh' && zhName && !arg.help.zh.startsWith(`${zhName}：`) ? `${zhName}：${arg.help.zh}` : arg.help[lang];
  if (!arg.choices?.length) return clip(base);
  const list = arg.choices.join(', ');
  return clip(`${base}${lang === 'zh' ? '。可选：' : '. One of: '}${list}`);
}

export function buildMetadata(catalogue: readonly FunctionDef[], lang: Lang): CfMetadata {
  const seen = new Set<string>();
  const functions = catalogue.map((def): CfFunction => {
    if (!ID_RE.test(def.name)) throw new Error(`function id ${def.name} is not a valid Excel custom-function id`);
    const name = functionName(def);
    if (seen.has(name.toUpperCase())) throw new Error(`duplicate function name ${name}`);
    seen.add(name.toUpperCase());
    return {
      id: def.name,
      name,
      description: clip(def.help[lang]),
      parameters: def.args.map((arg): CfParameter => {
        const p: CfParameter = { name: paramName(arg), description: paramHelp(arg, lang), type: 'any', dimensionality: 'matrix' };
        if (arg.optional) p.optional = true;
        return p;
      }),
      result: { dimensionality: 'matrix' },
    };
  });
  return { allowErrorForDataTypeAny: true, functions };
}

/** The two metadata files Excel loads: functions.json (default) and functions-zh-cn.json. */
export function metadataFiles(catalogue: readonly FunctionDef[]): Record<string, string> {
  return {
    'functions.json': `${JSON.stringify(buildMetadata(catalogue, 'en'), null, 2)}\n`,
    'functions-zh-cn.json': `${JSON.stringify(buildMetadata(catalogue, 'zh'), null, 2)}\n`,
  };
}
