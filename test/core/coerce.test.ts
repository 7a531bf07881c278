/** Inputs as people type them (FUNCTIONS.md "Conventions"): countries, numbers, booleans, dates, empties. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { main, kindOf, hasCjk, NOW } from './_main';

const f = main.sheetFunctions({ now: NOW }) as Record<string, (...a: unknown[]) => any>;
const fullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

/**
 * Every country the rule book names, then the 30 largest AliExpress markets (our list, by buyer
 * traffic as commonly reported: RU, BR, US, ES, FR, PL, KR, IL, UA, NL, DE, IT, GB, MX, CL, SA, AE, TR,
 * JP, CA, AU, BE, CZ, PT, KZ, BY, SE, CH, CO, PE). [ISO-2, ISO-3, English names, Chinese names].
 */
const COUNTRIES: [string, string, string[], string[]][] = [
  // rule book: [G-FEE] tiers, [G-COD], [X-DOCS], [X-BLOCKED], [X-COMPARE] Spain, [G-ELIGIBLE] mainland China
  ['US', 'USA', ['United States', 'United States of America', 'USA', 'America'], ['美国']],
  ['FR', 'FRA', ['France'], ['法国']],
  ['DE', 'DEU', ['Germany', 'Deutschland'], ['德国']],
  ['BR', 'BRA', ['Brazil', 'Brasil'], ['巴西']],
  ['SA', 'SAU', ['Saudi Arabia', 'KSA'], ['沙特阿拉伯', '沙特']],
  ['PL', 'POL', ['Poland', 'Polska'], ['波兰']],
  ['RU', 'RUS', ['Russia', 'Russian Federation'], ['俄罗斯']],
  ['MX', 'MEX', ['Mexico', 'México'], ['墨西哥']],
  ['EG', 'EGY', ['Egypt'], ['埃及']],
  ['PK', 'PAK', ['Pakistan'], ['巴基斯坦']],
  ['KP', 'PRK', ['North Korea', 'DPRK'], ['朝鲜']],
  ['SY', 'SYR', ['Syria', 'Syrian Arab Republic'], ['叙利亚']],
  ['ES', 'ESP', ['Spain', 'España'], ['西班牙']],
  ['CN', 'CHN', ['China'], ['中国']],
  // the 30 largest markets not already above
  ['KR', 'KOR', ['South Korea', 'Korea', 'Republic of Korea'], ['韩国', '南韩']],
  ['IL', 'ISR', ['Israel'], ['以色列']],
  ['UA', 'UKR', ['Ukraine'], ['乌克兰']],
  ['NL', 'NLD', ['Netherlands', 'Holland'], ['荷兰']],
  ['IT', 'ITA', ['Italy'], ['意大利']],
  ['GB', 'GBR', ['United Kingdom', 'UK', 'Great Britain', 'England'], ['英国']],
  ['CL', 'CHL', ['Chile'], ['智利']],
  ['AE', 'ARE', ['United Arab Emirates', 'UAE'], ['阿联酋', '阿拉伯联合酋长国']],
  ['TR', 'TUR', ['Turkey', 'Türkiye'], ['土耳其']],
  ['JP', 'JPN', ['Japan'], ['日本']],
  ['CA', 'CAN', ['Canada'], ['加拿大']],
  ['AU', 'AUS', ['Australia'], ['澳大利亚']],
  ['BE', 'BEL', ['Belgium'], ['比利时']],
  ['CZ', 'CZE', ['Czechia', 'Czech Republic'], ['捷克']],
  ['PT', 'PRT', ['Portugal'], ['葡萄牙']],
  ['KZ', 'KAZ', ['Kazakhstan'], ['哈萨克斯坦']],
  ['BY', 'BLR', ['Belarus'], ['白俄罗斯']],
  ['SE', 'SWE', ['Sweden'], ['瑞典']],
  ['CH', 'CHE', ['Switzerland'], ['瑞士']],
  ['CO', 'COL', ['Colombia'], ['哥伦比亚']],
  ['PE', 'PER', ['Peru'], ['秘鲁']],
];

describe('countries: ISO-2/ISO-3, English and Chinese names, any case, spacing, full-width', () => {
  it('the list holds every rule-book country and 30 large markets', () => {
    const codes = COUNTRIES.map((c) => c[0]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of ['US', 'FR', 'DE', 'BR', 'SA', 'PL', 'RU', 'MX', 'EG', 'PK', 'KP', 'SY']) expect(codes).toContain(c);
    const top30 = 'RU BR US ES FR PL KR IL UA NL DE IT GB MX CL SA AE TR JP CA AU BE CZ PT KZ BY SE CH CO PE'.split(' ');
    expect(top30).toHaveLength(30);
    for (const c of top30) expect(codes).toContain(c);
  });
  for (const [a2, a3, ens, zhs] of COUNTRIES) {
    it(`${a2}: ${[a2, a3, ...ens, ...zhs].join(' / ')}`, () => {
      const spellings = [a2, a3, ...ens, ...zhs];
      const variants = spellings.flatMap((s) => [s, s.toLowerCase(), s.toUpperCase(), `  ${s} `, `\t${s.toLowerCase()}\u00a0`, fullWidth(s), `\u3000${fullWidth(s.toLowerCase())}\u3000`]);
      for (const v of variants) {
        const got = main.toCountry(v);
        if (got !== a2) expect(`${JSON.stringify(v)} → ${String(got)}`).toBe(`${JSON.stringify(v)} → ${a2}`);
      }
      // and the same through a function: DEST_BLOCKED takes any spelling
      expect(f.DEST_BLOCKED(zhs[0])).toBe(a2 === 'KP' || a2 === 'SY');
    });
  }
  it('unknown countries are #VALUE! with a bilingual hint; numbers/booleans are not countries', () => {
    for (const bad of ['Atlantis', 'XX', 'ZZZ', '火星', 42, true, 'Brazi']) {
      const r = main.toCountry(bad);
      expect(kindOf(r)).toBe('#VALUE!');
      expect((r as any).en).toMatch(/ISO code/);
      expect(hasCjk((r as any).zh)).toBe(true);
    }
    const r = f.SG_FEE('Atlantis', 30);
    expect(kindOf(r)).toBe('#VALUE!');
    expect(r.en).toMatch(/^country: unknown country "Atlantis"/);
    expect(r.zh).toMatch(/^国家：/);
  });
});

describe('numbers: numeric text, full-width digits, percent, thousands separators, stray spaces', () => {
  const cases: [unknown, number][] = [
    [42, 42], ['42', 42], [' 42 ', 42], ['１２３', 123], ['１２３．５', 123.5], ['95%', 0.95], ['９５％', 0.95],
    ['1,200', 1200], [' 1,234.56 ', 1234.56], ['1 200', 1200], ['-5', -5], ['−5', -5], ['+7', 7], ['.5', 0.5],
    ['1e3', 1000], ['$30', 30], ['¥2.6', 2.6], ['30元', 30], ['0.5%', 0.005],
  ];
  for (const [input, want] of cases) {
    it(`${JSON.stringify(input)} → ${want}`, () => expect(main.toNumber(input)).toBe(want));
  }
  it('garbage and non-finite numbers are #VALUE! with a message (bad input, never #NUM!), bilingual', () => {
    for (const bad of ['abc', '12abc', '1,2', '1.200,50', '0x10', 'NaN', 'Infinity', true, {}, [1]]) {
      const r = main.toNumber(bad);
      expect(kindOf(r)).toBe('#VALUE!');
      expect(hasCjk((r as any).zh)).toBe(true);
    }
    for (const bad of [NaN, Infinity, -Infinity, '1e999']) {
      const r = main.toNumber(bad);
      expect(kindOf(r)).toBe('#VALUE!');
      expect((r as any).en).toMatch(/finite|too large/);
      expect(hasCjk((r as any).zh)).toBe(true);
    }
  });
  it('through functions: SG_FEE weight as text, full-width and with spaces', () => {
    expect(f.SG_FEE('US', '５０')).toBe(3.2);
    expect(f.SG_FEE('US', '５０．０１')).toBe(4);
    expect(f.SG_FEE('US', ' 1,200 ')).toBe(4);
    expect(f.PENALTY('1,200', '31')).toBe(50);
  });
  it('rates: 0.95, "95%", 95 all mean 95%; "120%" is out of range, not 1.2%', () => {
    for (const x of [0.95, '95%', 95, '95', '９５％']) expect(main.toRate(x)).toBe(0.95);
    expect(main.toRate('0.5%')).toBe(0.005);
    for (const bad of ['120%', 101, -0.1]) {
      const r = main.toRate(bad);
      expect(kindOf(r)).toBe('#VALUE!');
      expect((r as any).en).toMatch(/must be a rate between 0% and 100%/);
    }
  });
});

describe('booleans: TRUE/FALSE, 1/0, yes/no, 是/否', () => {
  for (const x of [true, 'TRUE', 'true', ' True ', 1, '1', 'yes', 'YES', 'y', '是', '对', '有', 'ｙｅｓ', '√']) {
    it(`${JSON.stringify(x)} → TRUE`, () => expect(main.toBool(x)).toBe(true));
  }
  for (const x of [false, 'FALSE', 'false', 0, '0', 'no', 'N', '否', '无', '没有', '×']) {
    it(`${JSON.stringify(x)} → FALSE`, () => expect(main.toBool(x)).toBe(false));
  }
  it('anything else is #VALUE!, bilingual', () => {
    for (const x of [2, -1, 'maybe', 'T R U E', {}, [true], new Date()]) {
      const r = main.toBool(x);
      expect(kindOf(r)).toBe('#VALUE!');
      expect((r as any).zh).toMatch(/是\/否/);
    }
  });
});

describe('dates: Excel serials, JS Date, ISO text, "2024/06/01 10:30", "2024年6月1日"', () => {
  const june1 = Date.UTC(2024, 5, 1);
  const cases: [unknown, number][] = [
    [45444, june1],
    [45444.4375, june1 + 10.5 * 3_600_000],
    ['45444', june1],
    [new Date(june1), june1],
    ['2024-06-01', june1],
    // Text with a zone is an instant: its wall clock in this runtime's zone (test/core/readings.test.ts checks UTC+8).
    ['2024-06-01T10:30:00Z', main.localWallMs(new Date(Date.UTC(2024, 5, 1, 10, 30)))],
    ['2024-06-01T10:30:00+08:00', main.localWallMs(new Date(Date.UTC(2024, 5, 1, 2, 30)))],
    ['2024/06/01 10:30', Date.UTC(2024, 5, 1, 10, 30)],
    ['2024/6/1', june1],
    ['2024.6.1', june1],
    ['2024年6月1日', june1],
    ['2024年6月1日 10:30', Date.UTC(2024, 5, 1, 10, 30)],
    ['2024年6月1日10时30分', Date.UTC(2024, 5, 1, 10, 30)],
    ['２０２４－０６－０１', june1],
  ];
  for (const [input, want] of cases) {
    it(`${input instanceof Date ? 'Date ' + input.toISOString() : JSON.stringify(input)} → ${new Date(want).toISOString()}`, () =>
      expect(main.toDate(input)).toBe(want));
  }
  it('not a real date / out of range / garbage: #VALUE! with a message, bilingual', () => {
    for (const bad of ['2024-02-30', '2024-13-01', '2024-06-01 24:00', 'June 1', 'tomorrow', new Date('x'), true, {}]) {
      const r = main.toDate(bad);
      expect(kindOf(r)).toBe('#VALUE!');
      expect(hasCjk((r as any).zh)).toBe(true);
    }
    for (const bad of [0, -1, 2_958_466, NaN, Infinity]) {
      const r = main.toDate(bad);
      expect(kindOf(r)).toBe('#VALUE!');
      expect(hasCjk((r as any).zh)).toBe(true);
    }
    // serial 0 is what Excel desktop hands for an empty date cell: the message says so
    expect((main.toDate(0) as any).en).toMatch(/got 0 \(an empty cell in Excel reads as 0/);
    expect((main.toDate(0) as any).zh).toMatch(/空单元格读作 0/);
    expect((main.toDate(-1) as any).en).toMatch(/1900-01-01 to 9999-12-31/);
  });
});

describe('empty means "not given": null (Excel), "" (Sheets), undefined (Node)', () => {
  it('an empty optional argument is the same as leaving it out', () => {
    const want = f.SG_FEE('BR', 30);
    for (const e of [null, '', '   ', undefined]) {
      expect(f.SG_FEE('BR', 30, e)).toBe(want);
      expect(f.SG_FEE('BR', 30, e, e, e)).toBe(want);
      expect(f.PENALTY(100, 31, e, e)).toBe(5);
      expect(f.SG_ROI(1000, 120, 0.3, 2.6, e, e, e, e)).toBe(f.SG_ROI(1000, 120, 0.3, 2.6));
    }
  });
  it('an empty required argument is #VALUE! naming it (never 0)', () => {
    for (const e of [null, '', '  ']) {
      const r = f.SG_FEE('US', e);
      expect(kindOf(r)).toBe('#VALUE!');
      expect(r.en).toBe('weight_g is required (the cell is empty)');
      expect(r.zh).toMatch(/必填/);
      expect(kindOf(f.PENALTY(e, 31))).toBe('#VALUE!');
      expect(kindOf(f.SG_TRIGGER(29.99, e))).toBe('#VALUE!');
    }
  });
});

describe('card selection by date: a function given a date uses the card in force then', () => {
  it('from 2024-06-01 the 2024 standard card; before it, #N/A naming the earliest card', () => {
    expect(main.cardFor(Date.UTC(2024, 5, 1))).toBe(main.STANDARD_2024);
    expect(main.cardFor(Date.UTC(2030, 0, 1))).toBe(main.STANDARD_2024);
    const r = main.cardFor(Date.UTC(2024, 4, 31, 23, 59, 59, 999));
    expect(kindOf(r)).toBe('#N/A');
    expect((r as any).en).toMatch(/no rate card in force on 2024-05-31.*2024-standard.*2024-06-01/);
    expect(hasCjk((r as any).zh)).toBe(true);
  });
  it('SG_FEE / SG_TIER on_date, SG_CONFIRM_BY shipped_at, UPLOAD_BY and UPLOAD_LATE paid_at: 2024-05-31 is #N/A, 2024-06-01 is not', () => {
    for (const before of ['2024-05-31', '2024-05-31 23:59', 45443, new Date(Date.UTC(2024, 4, 31, 23, 59))]) {
      expect(kindOf(f.SG_FEE('US', 30, '', before))).toBe('#N/A');
      expect(kindOf(f.SG_TIER('US', before))).toBe('#N/A');
      expect(kindOf(f.SG_CONFIRM_BY(before))).toBe('#N/A');
      expect(kindOf(f.UPLOAD_BY(before))).toBe('#N/A');
      expect(kindOf(f.UPLOAD_LATE(before, '2024-06-01 12:00'))).toBe('#N/A');
    }
    for (const after of ['2024-06-01', '2024-06-01 00:00', 45444, new Date(Date.UTC(2024, 5, 1))]) {
      expect(f.SG_FEE('US', 30, '', after)).toBe(3.2);
      expect(f.SG_TIER('US', after)).toBe('mature');
      expect(f.SG_CONFIRM_BY(after)).toBeInstanceOf(Date);
      expect(f.UPLOAD_BY(after)).toBeInstanceOf(Date);
    }
  });
  it('without a date, "now" picks the card: before 2024-06-01 every card-using function is #N/A', () => {
    const early = main.sheetFunctions({ now: Date.UTC(2024, 0, 1) }) as Record<string, (...a: unknown[]) => any>;
    expect(kindOf(early.SG_FEE('US', 30))).toBe('#N/A');
    expect(kindOf(early.PENALTY(1200, 31))).toBe('#N/A');
    expect(kindOf(early.PENALTY_STALL(49))).toBe('#N/A');
    expect(kindOf(early.DEST_BLOCKED('KP'))).toBe('#N/A');
    // an explicit date in force wins over "now"
    expect(early.SG_FEE('US', 30, '', '2024-07-01')).toBe(3.2);
    // a user's card (rates argument) is used whatever the date
    expect(early.SG_FEE('US', 30, '', '', [['gift.tiers.mature.fee', 3.5]])).toBe(3.5);
  });
});

describe('toDate fast path for plain ISO text', () => {
  it('gives exactly what the general path gives (valid and impossible dates alike)', () => {
    const p2 = (v: number) => String(v).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.constantFrom(0, 1, 2),
        (y, mo, d, h, mi, s, form) => {
          const day = `${y}-${p2(mo)}-${p2(d)}`;
          const text = form === 0 ? day : form === 1 ? `${day} ${p2(h)}:${p2(mi)}` : `${day}T${p2(h)}:${p2(mi)}:${p2(s)}`;
          const fast = main.toDate(text);
          const general = main.toDate(`${text} `); // a trailing space takes the general (regex) path
          if (typeof fast === 'number') expect(fast).toBe(general);
          else expect(main.isRuleError(general) && general.kind === fast.kind).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
