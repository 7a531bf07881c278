/**
 * The package's PUBLIC entry, exactly as a Node user gets it: dist/node/index.cjs (built by
 * `npm run build`; `npm test` builds first via pretest). Black-box: these tests never import core/.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Core from '../../core/node';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = path.join(root, 'dist/node/index.cjs');
if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` (npm test does it via pretest)`);

type Fn = (...args: unknown[]) => any;
export type Main = typeof Core & Record<string, Fn>;
export const main = createRequire(import.meta.url)(entry) as Main;

export const { isRuleError } = main;

/** The RuleError kind of a result, or undefined when it is a value. */
export const kindOf = (x: unknown): string | undefined => (isRuleError(x) ? (x as { kind: string }).kind : undefined);

/** Fixed "now" for functions that default to today (after the 2024 card took effect). */
export const NOW = Date.UTC(2024, 8, 15, 12);
export const fns = main.sheetFunctions({ now: NOW }) as Record<string, Fn>;
export const call = (name: string, ...args: unknown[]): any => fns[name](...args);

/** True when a result is a value a cell can hold (number/string/boolean/Date), never null/undefined/NaN. */
export function isCellValue(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (typeof x === 'string' || typeof x === 'boolean') return true;
  if (x instanceof Date) return !Number.isNaN(x.getTime());
  return isRuleError(x) && typeof (x as any).en === 'string' && (x as any).en.length > 0 && typeof (x as any).zh === 'string' && (x as any).zh.length > 0;
}

/** 2-D arrays of cell values, or a single cell value. */
export function isResult(x: unknown): boolean {
  if (Array.isArray(x)) return x.length > 0 && x.every((row) => Array.isArray(row) && row.length > 0 && row.every(isCellValue));
  return isCellValue(x);
}

/** Has at least one CJK character (the Chinese half of a bilingual message). */
export const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** A minimal evaluator for the Sheets spelling used in FUNCTIONS.md and the catalogue's examples:
 * NAME(arg, …) with "text", numbers, 95%, TRUE/FALSE, and {a;b;c} column literals. Returns
 * undefined when the formula holds a cell reference (C2:C8) and so cannot be evaluated alone. */
export function evalFormula(formula: string, m: Record<string, Fn> = main): { value: unknown } | undefined {
  const mm = /^\s*([A-Z_]+)\((.*)\)\s*$/s.exec(formula);
  if (!mm) throw new Error(`not a formula: ${formula}`);
  const [, name, body] = mm;
  const args: unknown[] = [];
  let i = 0;
  const s = body;
  const skip = () => { while (s[i] === ' ') i++; };
  const atom = (): unknown => {
    skip();
    if (s[i] === '"') {
      const j = s.indexOf('"', i + 1);
      const v = s.slice(i + 1, j);
      i = j + 1;
      return v;
    }
    if (s[i] === '{') {
      const j = s.indexOf('}', i);
      const inner = s.slice(i + 1, j);
      i = j + 1;
      return inner.split(';').map((row) => row.split(',').map((c) => parseScalar(c.trim())));
    }
    let j = i;
    while (j < s.length && s[j] !== ',') j++;
    const tok = s.slice(i, j).trim();
    i = j;
    return parseScalar(tok);
  };
  const parseScalar = (tok: string): unknown => {
    if (/^TRUE$/i.test(tok)) return true;
    if (/^FALSE$/i.test(tok)) return false;
    if (/^-?\d+(\.\d+)?%$/.test(tok)) return Number(tok.slice(0, -1)) / 100;
    if (/^-?\d+(\.\d+)?$/.test(tok)) return Number(tok);
    if (/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(tok)) throw new RangeRef();
    throw new Error(`cannot read argument ${tok} in ${formula}`);
  };
  class RangeRef {}
  try {
    skip();
    while (i < s.length) {
      args.push(atom());
      skip();
      if (s[i] === ',') i++;
    }
  } catch (e) {
    if (e instanceof RangeRef) return undefined;
    throw e;
  }
  const f = m[name];
  if (typeof f !== 'function') throw new Error(`${name} is not exported by the main entry`);
  return { value: f(...args) };
}
