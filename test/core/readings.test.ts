/**
 * One reading per kind of cell, shared by the spreadsheet functions and the audit (black-box, through
 * the built main entry): appeal results [X-PEN-TIMEOUT], "is the document there" cells [G-NFE]
 * [X-DOCS], gift weights [G-OVERWEIGHT], dates with a zone, the default "now", and the Node entry's
 * audit reading JS Dates by the local wall clock like its functions do.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, kindOf, hasCjk, root, NOW } from './_main';
import { APPEAL_YES, APPEAL_NO, APPEAL_UNREADABLE, APPEAL_FILED, ABSENT, PRESENT } from './_words';

const en = main.sheetFunctions({ now: NOW }) as Record<string, (...a: unknown[]) => any>;
const zh = main.sheetFunctions({ now: NOW, lang: 'zh' }) as Record<string, (...a: unknown[]) => any>;


describe('[X-PEN-TIMEOUT] a filed appeal whose outcome is unknown does not waive the penalty (RULES.md interpretation)', () => {
  it('[X-PEN-TIMEOUT] PENALTY(1200, 31, "已申诉") = 50 (5% of 1200 capped at 50); "申诉成立" = 0', () => {
    expect(en.PENALTY(1200, 31, '已申诉')).toBe(50);
    expect(en.PENALTY(1200, 31, '申诉成立')).toBe(0);
  });
  for (const w of APPEAL_FILED) {
    it(`[X-PEN-TIMEOUT] ${JSON.stringify(w)} is filed: PENALTY(1200, 31, …) = 50`, () => expect(en.PENALTY(1200, 31, w)).toBe(50));
  }
});

describe('[X-PEN-TIMEOUT] toAppeal: the one appeal reading (PENALTY appealed = the audit appeal column)', () => {
  for (const w of APPEAL_YES) {
    it(`[X-PEN-TIMEOUT] ${JSON.stringify(w)} is a valid appeal: toAppeal TRUE, PENALTY(80, 31, …) = 0`, () => {
      expect(main.toAppeal(w)).toBe(true);
      expect(en.PENALTY(80, 31, w)).toBe(0);
    });
  }
  for (const w of APPEAL_NO) {
    it(`[X-PEN-TIMEOUT] ${JSON.stringify(w)} is no valid appeal: toAppeal FALSE, PENALTY(80, 31, …) = 4`, () => {
      expect(main.toAppeal(w)).toBe(false);
      expect(en.PENALTY(80, 31, w)).toBe(4); // 5% of $80
    });
  }
  for (const w of APPEAL_UNREADABLE) {
    it(`[X-PEN-TIMEOUT] ${JSON.stringify(w)} is unreadable: #VALUE! naming appealed, en and zh`, () => {
      expect(kindOf(main.toAppeal(w))).toBe('#VALUE!');
      const r = en.PENALTY(80, 31, w);
      expect(kindOf(r)).toBe('#VALUE!');
      expect(r.en).toMatch(/^appealed: /);
      expect(r.en).toMatch(/(not a readable appeal result|says both yes and no)/);
      expect(hasCjk(zh.PENALTY(80, 31, w).zh)).toBe(true);
    });
  }
  it('[X-PEN-TIMEOUT] a cell with both yes and no words says so', () => {
    expect((main.toAppeal('approved, then rejected') as any).en).toMatch(/says both yes and no/);
    expect((main.toAppeal('approved, then rejected') as any).zh).toMatch(/同时包含/);
  });
  it('[X-PEN-TIMEOUT] an omitted appeal is no appeal; not late (30 days) is 0 whatever the appeal says', () => {
    expect(en.PENALTY(80, 31)).toBe(4);
    expect(en.PENALTY(80, 30, '驳回')).toBe(0);
  });
});


describe('[G-NFE] [X-DOCS] toPresent: the one "is it there" reading (SG_FEE has_nfe = the audit invoice / NFe / tax-id columns)', () => {
  for (const w of ABSENT) {
    it(`[G-NFE] ${JSON.stringify(w)} is absent: toPresent FALSE, SG_FEE("BR", 30, …) = 4.10`, () => {
      expect(main.toPresent(w)).toBe(false);
      if (typeof w === 'string') expect(main.isAbsentWord(w)).toBe(true);
      expect(en.SG_FEE('BR', 30, w)).toBe(4.1); // 2.60 + 1.50 without NFe
    });
  }
  for (const w of PRESENT) {
    it(`[G-NFE] ${JSON.stringify(w)} is present: toPresent TRUE, SG_FEE("BR", 30, …) = 2.60`, () => {
      expect(main.toPresent(w)).toBe(true);
      if (typeof w === 'string') expect(main.isAbsentWord(w)).toBe(false);
      expect(en.SG_FEE('BR', 30, w)).toBe(2.6);
    });
  }
});

describe('[G-OVERWEIGHT] toGrams: the one weight reading (SG_FEE weight_g = the audit gift-weight column)', () => {
  it('[G-OVERWEIGHT] "50 gr", "50公克", "50 g", "50克" are 50 g; "51 gr" is overweight', () => {
    for (const w of ['50 gr', '50公克', '50 g', '50克', '50 grams', '５０ｇ']) {
      expect(main.toGrams(w), w).toBe(50);
      expect(en.SG_FEE('US', w), w).toBe(3.2);
    }
    expect(en.SG_FEE('US', '51 gr')).toBe(4); // 3.20 + 0.80
  });
  it('[G-OVERWEIGHT] "0.05kg" asks for grams, never converted silently, en and zh', () => {
    const r = main.toGrams('0.05kg');
    expect(kindOf(r)).toBe('#VALUE!');
    expect((r as any).en).toMatch(/must be in grams/);
    expect((r as any).zh).toMatch(/必须以克为单位/);
    expect(en.SG_FEE('US', '0.05kg').en).toMatch(/weight_g: must be in grams/);
  });
});

describe('dates with an explicit zone: the instant, as this runtime\'s wall clock', () => {
  it('"…+08:00" and "…Z" are the wall clock of their instant here (whatever the zone of this machine)', () => {
    const at = (iso: string) => main.localWallMs(new Date(iso));
    expect(main.toDate('2024-07-05T08:00:00+08:00')).toBe(at('2024-07-05T00:00:00Z'));
    expect(main.toDate('2024-07-05T00:00:00Z')).toBe(at('2024-07-05T00:00:00Z'));
    expect(main.toDate('2024-07-05T08:00:00+0800')).toBe(at('2024-07-05T00:00:00Z'));
    expect(main.toDate('2024-07-04T20:00:00-04:00')).toBe(at('2024-07-05T00:00:00Z'));
    // Without a zone, text is its own wall clock.
    expect(main.toDate('2024-07-05 08:00')).toBe(Date.UTC(2024, 6, 5, 8));
  });
});

describe('"now" defaults to the local wall clock (not Date.now(), 8 h off in China)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const probe = {
    name: 'NOW_PROBE', nameZh: '现在', category: 'express', rules: [], help: main.L('now', '现在'), args: [], result: 'number', examples: [],
    impl: (_a: unknown[], ctx: { now: number }) => ctx.now,
  } as const;
  it('callFunction without `now` gives localWallNow() under a fake clock', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2024, 0, 10, 20, 30)));
    expect(main.callFunction(probe as any, [])).toBe(main.localWallMs(new Date(Date.UTC(2024, 0, 10, 20, 30))));
    expect(main.callFunction(probe as any, [], { now: NOW })).toBe(NOW);
  });
  it('sheetFunctions without `now`: SG_FEE on the local date (the card in force today)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2024, 8, 15, 12)));
    expect(main.sheetFunctions().SG_FEE('US', 30)).toBe(3.2);
  });
});

/** Run a script against the built main entry in another time zone (TZ cannot change inside vitest). */
function inZone(tz: string, body: string): any {
  const entry = path.join(root, 'dist/node/index.cjs');
  const script = `const m = require(${JSON.stringify(entry)});\n(async () => { const out = await (async () => { ${body} })(); process.stdout.write(JSON.stringify(out)); })().catch((e) => { console.error(e); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('in UTC+8 (Asia/Shanghai, a child process): functions and audit read Dates and zones alike', () => {
  it('the zone really is UTC+8 there', () => {
    expect(inZone('Asia/Shanghai', 'return new Date(2024, 5, 1).getTimezoneOffset();')).toBe(-480);
  });
  it('toDate("…+08:00") is the same wall clock as the zone-less text; "…Z" is 8 h later', () => {
    const r = inZone('Asia/Shanghai', `return [m.toDate('2024-07-05T08:00:00+08:00'), m.toDate('2024-07-05 08:00'), m.toDate('2024-07-05T00:00:00Z')];`);
    expect(r).toEqual([Date.UTC(2024, 6, 5, 8), Date.UTC(2024, 6, 5, 8), Date.UTC(2024, 6, 5, 8)]);
  });
  it('default "now" is UTC+8 wall clock: callFunction and sheetFunctions', () => {
    const r = inZone(
      'Asia/Shanghai',
      `const probe = { name: 'P', nameZh: 'P', category: 'express', rules: [], help: m.L('p', 'p'), args: [], result: 'number', examples: [], impl: (_a, ctx) => ctx.now };
       const before = Date.now(); const got = m.callFunction(probe, []); const after = Date.now();
       return [got - before, after - got];`,
    );
    const eight = 8 * 3_600_000;
    expect(r[0]).toBeGreaterThanOrEqual(eight);
    expect(r[1]).toBeGreaterThanOrEqual(-eight);
  });
  it('[X-UPLOAD] auditTable / createAudit read a Date cell by the local wall clock, like UPLOAD_LATE', () => {
    // Paid new Date(2024, 5, 1, 10, 0) local = "2024-06-01 10:00"; uploaded 23 h later (not late) and 24 h 30 min later (late).
    // Read as the UTC instant (02:00) the first would be 31 h: late, the bug this guards against.
    const r = inZone(
      'Asia/Shanghai',
      `const header = ['Order ID', 'Payment time', 'Upload time'];
       const paid = new Date(2024, 5, 1, 10, 0);
       const rows = [['A1', paid, '2024-06-02 09:00'], ['A2', paid, '2024-06-02 10:30']];
       const now = new Date(2024, 6, 5);
       const t = await m.auditTable(header, rows, { now });
       const s = m.createAudit(header, { now: m.localWallMs(now) }); s.push(rows); const c = s.finish();
       const f = m.sheetFunctions();
       const rules = (rep) => rep.findings.filter((x) => x.rule === 'X-UPLOAD').map((x) => x.orderId);
       return { table: rules(t), session: rules(c), fn: [f.UPLOAD_LATE(paid, '2024-06-02 09:00'), f.UPLOAD_LATE(paid, '2024-06-02 10:30')],
                wall: m.wallDateOf(paid).toISOString(), same: m.wallDateOf('x') };`,
    );
    expect(r.table).toEqual(['A2']);
    expect(r.session).toEqual(['A2']);
    expect(r.fn).toEqual([false, true]);
    expect(r.wall).toBe('2024-06-01T10:00:00.000Z');
    expect(r.same).toBe('x');
  });
});
