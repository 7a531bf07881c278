/** Traceability: each RULES.md id of the rules-core issue is cited by at least one test name here and by the code. */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { main, root } from './_main';

const ISSUE_RULES = ['G-FEE', 'G-OVERWEIGHT', 'G-NFE', 'G-COD', 'G-ELIGIBLE', 'G-TRIGGER', 'G-CONFIRM', 'G-STATUS', 'G-ROI', 'X-UPLOAD', 'X-FIRSTSCAN', 'X-NODES', 'X-PEN-UPLOAD', 'X-PEN-STALL', 'X-PEN-TIMEOUT', 'X-DOCS', 'X-BLOCKED', 'X-ELIGIBLE'];
/** The ids the rule book gained later (issue 13): three functions, and [G-PACK], which only the audit checks. */
const LATER_RULES = ['X-COMPARE', 'X-ONBOARD', 'G-REVIEW', 'G-PACK'];
/** Ids the audit adds (RULES.md "Ids the audit adds"); test/audit names cite them. */
const AUDIT_IDS = ['G-CONFIRM-FREEZE', 'G-STATUS', 'G-PACK', 'DATA'];

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
  // [G-PACK] is audit-only: test/audit names cite it (checked below).
  for (const id of LATER_RULES.filter((x) => x !== 'G-PACK')) {
    it(`[${id}] is cited by a test name`, () => {
      expect(names.filter((n) => n.includes(`[${id}`)).length).toBeGreaterThan(0);
    });
  }
  it('every id the audit adds (and every later rule) is cited by a test name of test/audit', () => {
    const auditDir = path.join(root, 'test/audit');
    const auditNames = readdirSync(auditDir)
      .filter((f) => f.endsWith('.test.ts'))
      .flatMap((f) => [...readFileSync(path.join(auditDir, f), 'utf8').matchAll(/\b(?:it|describe)(?:\.\w+(?:\([^)]*\))?)?\(\s*(['`"])(.*?)\1/g)].map((m) => m[2]));
    for (const id of [...AUDIT_IDS, 'G-REVIEW']) expect(auditNames.filter((n) => n.includes(`[${id}`)).length, id).toBeGreaterThan(0);
  });
  it('every rule id of RULES.md is in one of these lists (the rule book and this test agree)', () => {
    const spec = path.resolve(root, '../shared/RULES.md');
    if (!existsSync(spec)) return;
    const ids = new Set([...readFileSync(spec, 'utf8').matchAll(/###\s*\[([A-Z]+(?:-[A-Z]+)+)\]/g)].map((m) => m[1]));
    const listed = new Set([...ISSUE_RULES, ...LATER_RULES, 'X-FORMAT', 'G-LABEL', 'X-PENALTY']);
    for (const id of ids) expect(listed, id).toContain(id);
  });
  it('every id a catalogue function claims exists in the rule book list of ids', () => {
    const known = new Set([...ISSUE_RULES, ...LATER_RULES, 'X-FORMAT', 'G-LABEL']);
    for (const d of main.CATALOGUE) for (const r of d.rules) expect(known, `${d.name}: ${r}`).toContain(r);
  });
  it('every issue rule except the audit-only X-FIRSTSCAN and G-PACK is implemented by some catalogue function', () => {
    const claimed = new Set(main.CATALOGUE.flatMap((d) => d.rules));
    for (const id of [...ISSUE_RULES, ...LATER_RULES]) if (id !== 'X-FIRSTSCAN' && id !== 'G-PACK') expect(claimed, id).toContain(id);
  });
  it('[G-PACK] and [G-REVIEW] are rules of the audit (core/audit/rules.ts)', () => {
    const ids = main.AUDIT_RULES.map((r) => r.id);
    expect(ids).toContain('G-PACK');
    expect(ids).toContain('G-REVIEW');
  });
});
