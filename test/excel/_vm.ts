/**
 * The BUILT dist/excel/functions.js loaded standalone in a Node vm, with a stub CustomFunctions
 * runtime and a stub Office (display language, diagnostics): shared by the Excel bundle tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export const DIST = path.resolve('dist/excel');

export class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
};

export type Fn = (...args: unknown[]) => unknown;
export type Diagnostics = { platform: string; version: string } | undefined;

export interface Loaded {
  fns: Map<string, Fn>;
  office: { context: { displayLanguage: string; diagnostics?: Diagnostics } };
  get(id: string): Fn;
}

/** Load the bundle; `extra` adds or replaces sandbox globals (e.g. a Date with a fixed clock and zone). */
export function loadFunctions(diagnostics: Diagnostics, extra: Record<string, unknown> = {}): Loaded {
  const fns = new Map<string, Fn>();
  const office: Loaded['office'] = { context: { displayLanguage: 'en-US', diagnostics } };
  const sandbox = {
    CustomFunctions: {
      Error: StubError,
      ErrorCode,
      associate(id: string, fn: Fn) {
        if (fns.has(id)) throw new Error(`duplicate id ${id}`);
        fns.set(id, fn);
      },
    },
    Office: office,
    // Web globals every Excel JavaScript runtime has (WebView2 / browser); nothing Node-only.
    console,
    TextEncoder,
    TextDecoder,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    ...extra,
  };
  vm.createContext(sandbox);
  vm.runInContext(readFileSync(path.join(DIST, 'functions.js'), 'utf8'), sandbox, { filename: 'functions.js' });
  return { fns, office, get: (id: string) => fns.get(id)! };
}
