/**
 * Issue 12: the Sheets server library validates a user's rate card with webpack/shims/zod-mini.js
 * instead of zod (the script Sheets loads for every formula cell stays small). The schema is the one
 * in core/rates/schema.ts either way; here both engines validate the same thousands of mutated cards
 * and must agree on every issue (code, path, bounds, values, keys), on the parsed card and on the
 * bilingual message validateCard makes of it. [G-FEE] [X-PEN-TIMEOUT] … every rate-card number.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

type Rates = typeof import('../../core/rates');

async function loadRates(shim: boolean): Promise<Rates> {
  vi.resetModules();
  if (shim) vi.doMock('zod/mini', () => import('../../webpack/shims/zod-mini.js'));
  else vi.doUnmock('zod/mini');
  return import('../../core/rates');
}

const real = await loadRates(false);
const lite = await loadRates(true);
vi.doUnmock('zod/mini');

/** The issue fields validateCard reads, and the rest of zod's contract a caller could see. */
const shape = (issues: readonly Record<string, unknown>[]) =>
  issues.map((i) => ({ code: i.code, path: i.path, expected: i.expected, minimum: i.minimum, maximum: i.maximum, inclusive: i.inclusive, values: i.values, keys: i.keys, format: i.format }));

function outcome(r: Rates, card: unknown) {
  const p = r.RateCardSchema.safeParse(card);
  return {
    success: p.success,
    issues: p.success ? [] : shape(p.error.issues as unknown as Record<string, unknown>[]),
    data: p.success ? JSON.stringify(p.data) : undefined,
    message: JSON.stringify(r.validateCard(card)),
  };
}

const base = () => JSON.parse(JSON.stringify(real.latestCard())) as Record<string, unknown>;

/** Every path in a card (objects and leaves), e.g. ['gift', 'tiers', 'mature', 'fee']. */
function paths(x: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(x)) x.forEach((v, i) => paths(v, [...at, i], out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) paths(v, [...at, k], out);
  return out;
}
const ALL_PATHS = paths(base()).filter((p) => p.length > 0);

const value = fc.oneof(
  fc.integer({ min: -2_000_000, max: 2_000_000 }),
  fc.double(),
  fc.constantFrom(0, 1, -1, 0.5, 1.5, 36, 37, 100, 101, 1000, 1001, 1_000_000, 1_000_001, 1200, 2 ** 53, -(2 ** 53), Number.NaN, Infinity, -Infinity),
  fc.string({ maxLength: 5 }),
  fc.string({ minLength: 190, maxLength: 210 }),
  fc.constantFrom('', 'US', 'us', 'USA', 'BR', '2024-01-01', '2024-1-1', 'payment', 'upload', 'pickup', 'company', 'overseas', 'x'.repeat(64), 'x'.repeat(65), '😀'.repeat(100), '😀'.repeat(201), 'ok_group', 'Bad Group'),
  fc.array(fc.oneof(fc.constantFrom('US', 'xx', 'BR', 'pickup', 'company', '', 'CE'), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('US', 'zz', 'fee', 'countries', 'categories', 'marks', 'documents', 'constructor', 'a-b'), fc.oneof(fc.integer(), fc.array(fc.constantFrom('US', 'CE', '')), fc.string({ maxLength: 3 })), { maxKeys: 3 }),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(true),
);

type Mutation = { op: 'set'; path: (string | number)[]; v: unknown } | { op: 'delete'; path: (string | number)[] } | { op: 'add'; path: (string | number)[]; key: string; v: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...ALL_PATHS), v: value }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...ALL_PATHS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('add' as const), path: fc.constantFrom([], ...ALL_PATHS.filter((p) => typeof p[p.length - 1] === 'string')), key: fc.constantFrom('extra', 'US', 'zz', 'ok_group', '__proto__', 'constructor'), v: value }) },
);

function apply(card: Record<string, unknown>, m: Mutation) {
  let cur: unknown = card;
  const path = m.op === 'add' ? m.path : m.path.slice(0, -1);
  for (const k of path) {
    if (!cur || typeof cur !== 'object') return;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  if (!cur || typeof cur !== 'object') return;
  const obj = cur as Record<string | number, unknown>;
  if (m.op === 'set') obj[m.path[m.path.length - 1]] = m.v;
  else if (m.op === 'delete') delete obj[m.path[m.path.length - 1]];
  else if (!Array.isArray(obj)) Object.defineProperty(obj, m.key, { value: m.v, enumerable: true, writable: true, configurable: true });
}

describe('webpack/shims/zod-mini.js validates rate cards exactly as zod does (the Sheets build uses it)', () => {
  it('the built-in cards pass both, with the same parsed card', () => {
    for (const card of real.BUILTIN_CARDS) {
      const a = outcome(real, card);
      expect(a.success).toBe(true);
      expect(outcome(lite, card)).toEqual(a);
    }
  });

  it('the same issues, card and message on 4,000 mutated cards (wrong types, bounds, formats, unknown keys)', () => {
    let failures = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const card = base();
        for (const m of ms) apply(card, m);
        const a = outcome(real, card);
        if (!a.success) failures++;
        expect(outcome(lite, card)).toEqual(a);
      }),
      { numRuns: 4000, seed: 1204 },
    );
    // The mutations do reach the failing paths (not a test that passes by never failing a card).
    expect(failures).toBeGreaterThan(2000);
  });

  it('not an object, arrays, primitives: the same first issue', () => {
    for (const x of [null, undefined, 0, 'card', [], [base()], true, new Date(0), Object.create(null)]) {
      expect(outcome(lite, x)).toEqual(outcome(real, x));
    }
  });

  it('cardFromTable over a user sheet: the same result with either engine', () => {
    const rows: unknown[][][] = [
      [['gift.tiers.mature.fee', -1]],
      [['gift.minStoreLevel', 2.5]],
      [['express.kaMonths', 37]],
      [['card.effective', '2024-13-45']],
      [['gift.tiers.emerging.countries', 'US, BR']],
      [['express.firstScanFrom', 'pickup']],
      [['gift.reviewGroups.Bad Group.categories', 'x']],
      [['express.docs.ZZ', 'invoice']],
      [['gift.overweightAboveG', 0]],
      [['gift.labelPrefix', 'x'.repeat(17)]],
    ];
    for (const table of rows) expect(JSON.stringify(lite.cardFromTable(table))).toBe(JSON.stringify(real.cardFromTable(table)));
  });
});
