/**
 * Excel custom-function metadata (functions.json and functions-zh-cn.json), generated from the
 * function catalogue at build time (webpack/excel.config.js runs this through a Node bundle), so a
 * function cannot exist in the core and be missing in Excel.
 *
 * Every parameter is declared `type: "any", dimensionality: "matrix"` and every result
 * `dimensionality: "matrix"`: any argument may be a range (FUNCTIONS.md), and a range argument makes
 * the result a range of the broadcast shape. A scalar call returns a 1×1 matrix, which Excel shows as
 * an ordinary single value (see addin-excel/functions.ts).
 */
import type { ArgDef, FunctionDef } from '../core/catalogue/types';
import type { Lang } from '../core/text';

/** The formula namespace (`=AE.SG_FEE(...)`); also set in manifest.xml (Functions.Namespace). */
export const NAMESPACE = 'AE';

/** Limits from Microsoft's schema (extensionFunction / extensionFunctionParameter / enum). */
export const LIMITS = { description: 128, paramName: 64, nameMin: 3, nameMax: 64, enumText: 256 } as const;

const NAME_RE = /^[\p{L}][\p{L}0-9._]*$/u;
const ID_RE = /^[a-zA-Z][a-zA-Z0-9._]*$/;

export interface CfParameter {
  name: string;
  description: string;
  type: 'any';
  dimensionality: 'matrix';
  optional?: boolean;
  customEnumId?: string;
}
export interface CfFunction {
  id: string;
  name: string;
  description: string;
  parameters: CfParameter[];
  result: { dimensionality: 'matrix' };
}
export interface CfEnum {
  id: string;
  type: 'string';
  values: { name: string; stringValue: string; tooltip?: string }[];
}
export interface CfMetadata {
  functions: CfFunction[];
  enums?: CfEnum[];
}

/** Cut a help text to Excel's limit at a word/phrase boundary, ending with "…". */
export function clip(s: string, max: number = LIMITS.description): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const at = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('，'), cut.lastIndexOf('；'), cut.lastIndexOf('、'));
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).replace(/[\s,;:，；：、(（]+$/, '')}…`;
}

/** A localized function name Excel accepts, or the invariant English name when it would not. */
function functionName(def: FunctionDef, lang: Lang): string {
  if (lang === 'en') return def.name;
  const zh = def.nameZh.trim();
  return NAME_RE.test(zh) && zh.length >= LIMITS.nameMin && zh.length <= LIMITS.nameMax ? zh : def.name;
}

function paramName(arg: ArgDef, lang: Lang): string {
  const n = (lang === 'zh' ? arg.nameZh : arg.name).trim() || arg.name;
  return n.slice(0, LIMITS.paramName);
}

/** Enum id for an argument offering a fixed list (e.g. carriers). */
export const enumId = (arg: ArgDef): string =>
  `${arg.name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}Choices`.replace(/^([^A-Za-z])/, 'E$1');

export function buildMetadata(catalogue: readonly FunctionDef[], lang: Lang): CfMetadata {
  const enums = new Map<string, CfEnum>();
  const functions = catalogue.map((def): CfFunction => {
    if (!ID_RE.test(def.name)) throw new Error(`function id ${def.name} is not a valid Excel custom-function id`);
    return {
      id: def.name,
      name: functionName(def, lang),
      description: clip(def.help[lang]),
      parameters: def.args.map((arg): CfParameter => {
        const p: CfParameter = {
          name: paramName(arg, lang),
          description: clip(arg.help[lang]),
          type: 'any',
          dimensionality: 'matrix',
        };
        if (arg.optional) p.optional = true;
        if (arg.choices && arg.choices.length > 0) {
          const id = enumId(arg);
          if (!enums.has(id)) {
            enums.set(id, {
              id,
              type: 'string',
              values: arg.choices.map((c) => ({ name: c.slice(0, LIMITS.enumText), stringValue: c })),
            });
          }
          p.customEnumId = id;
        }
        return p;
      }),
      result: { dimensionality: 'matrix' },
    };
  });
  // Localized names must stay unique; a clash falls back to the invariant id.
  const seen = new Set<string>();
  for (const f of functions) {
    const key = f.name.toUpperCase();
    if (seen.has(key)) f.name = f.id;
    seen.add(f.name.toUpperCase());
  }
  const out: CfMetadata = { functions };
  if (enums.size > 0) out.enums = [...enums.values()];
  return out;
}

/** The two metadata files Excel loads: functions.json (default) and functions-zh-cn.json. */
export function metadataFiles(catalogue: readonly FunctionDef[]): Record<string, string> {
  return {
    'functions.json': `${JSON.stringify(buildMetadata(catalogue, 'en'), null, 2)}\n`,
    'functions-zh-cn.json': `${JSON.stringify(buildMetadata(catalogue, 'zh'), null, 2)}\n`,
  };
}
