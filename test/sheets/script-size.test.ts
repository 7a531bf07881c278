/**
 * Issue 12: Sheets loads every .js file of the project for every formula cell, so their total size is
 * pinned on the BUILT files: at most 150 KB (1 KB = 1,000 bytes). What keeps it there: header
 * detection, the audit engine and the rate-card table run in the sidebar (Sidebar.html), zod is
 * swapped for webpack/shims/zod-mini.js, TRACK_VALID's verdict comes from the pattern checks, and the
 * catalogue's help lives only in functions.js (docs/PERFORMANCE.md).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve('dist/sheets');
const BOUND_KB = 150; // 148.4 KB after the lean Sheets build (aerules.js 115.6, functions.js 31.3, addon.js 1.5)

describe('dist/sheets: the script Sheets loads for every formula cell', () => {
  it(`the .js files total at most ${BOUND_KB} KB`, () => {
    expect(existsSync(DIST), 'run npm run build').toBe(true);
    const files = readdirSync(DIST).filter((f) => f.endsWith('.js'));
    expect(files.sort()).toEqual(['addon.js', 'aerules.js', 'functions.js']);
    const total = files.reduce((t, f) => t + statSync(path.join(DIST, f)).size, 0);
    expect(total / 1000, files.map((f) => `${f} ${statSync(path.join(DIST, f)).size}`).join(', ')).toBeLessThanOrEqual(BOUND_KB);
  });
  it('aerules.js carries no help text, no zod locale, no audit rules; functions.js keeps the help (JSDoc)', () => {
    const lib = readFileSync(path.join(DIST, 'aerules.js'), 'utf8');
    const fns = readFileSync(path.join(DIST, 'functions.js'), 'utf8');
    // A help sentence of TRACK_VALID: in the JSDoc, not in the library.
    const help = 'passes the platform rule and the carrier';
    expect(fns).toContain(help);
    expect(lib).not.toContain(help);
    // The audit engine's findings text stays in the sidebar (Sidebar.html), not the server library.
    expect(readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8')).toContain('Tracking number uploaded late');
    expect(lib).not.toContain('Tracking number uploaded late');
    // Nor header detection (a field label of core/audit/columns.ts), the rate-card table's notes, zod:
    // the sidebar has them.
    const sidebar = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
    for (const text of ['Tracking uploaded at', 'base fee, mature markets', '_zod']) {
      expect(sidebar, text).toContain(text);
      expect(lib, text).not.toContain(text);
    }
    // The library still answers: catalogue names and arguments are there.
    const ctx = vm.createContext({});
    vm.runInContext(`${lib}\n;this.names = AERules.catalogueMeta().map((f) => f.name).join(',');`, ctx);
    expect(String(ctx.names)).toContain('TRACK_VALID');
  });
});
