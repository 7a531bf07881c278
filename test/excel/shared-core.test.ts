/**
 * Issue 12: Excel's functions.js and taskpane.js share one copy of the core. functions.js holds the
 * webpack runtime and the rules core (it still loads alone); taskpane.js reuses its modules and
 * taskpane.html (the shared runtime page) loads functions.js before taskpane.js.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve('dist/excel');
const read = (f: string) => readFileSync(path.join(DIST, f), 'utf8');

describe('dist/excel: one copy of the core', () => {
  it('built', () => {
    for (const f of ['functions.js', 'taskpane.js', 'taskpane.html']) expect(existsSync(path.join(DIST, f)), `${f}: run npm run build`).toBe(true);
  });
  it('the carrier table, the country names and the rate cards are in functions.js only', () => {
    const functions = read('functions.js');
    const taskpane = read('taskpane.js');
    // Data that only the core carries: a carrier-table format id, an English country name, a rule id.
    for (const marker of ['dhl_express_piece_id', 'Afghanistan', 'yunexpress_nexau']) {
      expect(functions, marker).toContain(marker);
      expect(taskpane, marker).not.toContain(marker);
    }
  });
  it('taskpane.js runs on functions.js\'s webpack runtime, and taskpane.html loads functions.js first', () => {
    const html = read('taskpane.html');
    const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)"?/g)].map((m) => m[1]);
    const local = scripts.filter((s) => !/^https?:/.test(s));
    expect(local).toEqual(['functions.js', 'taskpane.js']);
    expect(scripts[0]).toMatch(/office\.js$/);
    // taskpane.js is a chunk pushed onto the runtime's chunk list, not a second bundle with its own runtime.
    expect(read('taskpane.js')).toMatch(/webpackChunk/);
  });
});
