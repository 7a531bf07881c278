/**
 * Load the BUILT Apps Script project (dist/sheets) the way Apps Script does: every .js file of the
 * push into ONE global scope, in clasp push order (.clasp.json filePushOrder first, then by name).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export const DIST = path.resolve('dist/sheets');

export function requireBuild(): void {
  if (!existsSync(path.join(DIST, 'aerules.js'))) {
    throw new Error('dist/sheets is not built: run `npx webpack --mode production --env only=sheets` (npm test builds first).');
  }
}

/** .js files in the order clasp pushes them. */
export function pushOrder(): string[] {
  const clasp = JSON.parse(readFileSync('.clasp.json', 'utf8')) as { rootDir?: string; filePushOrder?: string[] };
  const files = readdirSync(DIST)
    .filter((f) => f.endsWith('.js') || f.endsWith('.gs'))
    .sort();
  const first = (clasp.filePushOrder ?? []).map((p) => path.basename(p)).filter((f) => files.includes(f));
  return [...first, ...files.filter((f) => !first.includes(f))];
}

export type GasContext = vm.Context & Record<string, any>;

export function loadProject(globals: Record<string, unknown>): GasContext {
  requireBuild();
  const ctx = vm.createContext({ ...globals }) as GasContext;
  for (const f of pushOrder()) vm.runInContext(readFileSync(path.join(DIST, f), 'utf8'), ctx, { filename: f });
  return ctx;
}

/** Throw unless a value could cross google.script.run (no Date, function, NaN, class instance…). */
export function assertJsonSafe(x: unknown, where = 'value'): void {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new Error(`${where}: non-finite number`);
    return;
  }
  if (x === undefined) return;
  if (Array.isArray(x)) {
    x.forEach((v, i) => assertJsonSafe(v, `${where}[${i}]`));
    return;
  }
  if (typeof x === 'object' && Object.prototype.toString.call(x) === '[object Object]') {
    const proto = Object.getPrototypeOf(x);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) throw new Error(`${where}: not a plain object`);
    for (const [k, v] of Object.entries(x as object)) assertJsonSafe(v, `${where}.${k}`);
    return;
  }
  throw new Error(`${where}: ${Object.prototype.toString.call(x)} cannot cross google.script.run`);
}

/**
 * A google.script.run stand-in: arguments and results are checked JSON-safe and copied (as Apps Script
 * does), and the call is asynchronous. `calls` records what was called.
 */
export function vmTransport(ctx: GasContext, calls: { fn: string; args: unknown[] }[] = []) {
  return async (fn: string, args: unknown[]): Promise<unknown> => {
    assertJsonSafe(args, `${fn} arguments`);
    if (fn.endsWith('_') || typeof ctx[fn] !== 'function') throw new Error(`Script function not found: ${fn}`);
    calls.push({ fn, args });
    await Promise.resolve();
    const result = ctx[fn](...JSON.parse(JSON.stringify(args)));
    assertJsonSafe(result, `${fn} result`);
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  };
}
