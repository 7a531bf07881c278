/** Traceability: each RULES.md id of the rules-core issue is cited by at least one test name here and by the code. */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { main, root } from './_main';

const ISSUE_RULES = ['G-FEE', 'G-OVERWEIGHT', 'G-NFE', 'G-COD', 'G-ELIGIBLE', 'G-TRIGGER', 'G-CONFIRM', 'G-STATUS', 'G-ROI', 'X-UPLOAD', 'X-FIRSTSCAN', 'X-NODES', 'X-PEN-UPLOAD', 'X-PEN-STALL', 'X-PEN-TIMEOUT', 'X-DOCS', 'X-BLOCKED', 'X-ELIGIBLE'];

describe('rule ids', () => {
  const dir = path.join(root, 'test/core');
  // test names: the first string argument of it(…) / describe(…)
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') && f !== 'rule-ids.test.ts')
    .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/\b(?:it|describe)(?:\.\w+(?:\([^)]*\))?)?\(\s*(['`"])(.*?)\1/g)].map((m) => m[2]));
  for (const id of ISSUE_RULES) {
    it(`[${id}] is cited by a test name`, () => {
      expect(names.filter((n) => n.includes(`[${id}`)).length).toBeGreaterThan(0);
    });
  }
  it('every id a catalogue function claims exists in the rule book list of ids', () => {
    const known = new Set([...ISSUE_RULES, 'X-FORMAT', 'G-PACK', 'G-LABEL', 'X-COMPARE']);
    for (const d of main.CATALOGUE) for (const r of d.rules) expect(known, `${d.name}: ${r}`).toContain(r);
  });
  it('every issue rule except the audit-only X-FIRSTSCAN is implemented by some catalogue function', () => {
    const claimed = new Set(main.CATALOGUE.flatMap((d) => d.rules));
    for (const id of ISSUE_RULES) if (id !== 'X-FIRSTSCAN') expect(claimed, id).toContain(id);
  });
});
