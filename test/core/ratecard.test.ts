/** Rate cards (DESIGN.md property 2): zod-validated built-in card, table round trip, what-if cards, errors naming the row. */
import { describe, it, expect } from 'vitest';
import { main, kindOf, hasCjk, NOW } from './_main';

const f = main.sheetFunctions({ now: NOW }) as Record<string, (...a: unknown[]) => any>;
const S = main.STANDARD_2024;

describe('built-in card', () => {
  it('passes the zod schema (it is also checked when the module loads) and is the card in force', () => {
    expect(main.RateCardSchema.safeParse(S).success).toBe(true);
    expect(main.validateCard(S)).toEqual(S);
    expect(main.BUILTIN_CARDS).toContain(S);
    expect(S.card.effective).toBe('2024-06-01');
  });
  it('carries every RULES.md number of this issue', () => {
    expect(S.gift.tiers.mature).toEqual({ fee: 3.2, countries: ['US', 'FR', 'DE'] }); // [G-FEE]
    expect(S.gift.tiers.emerging).toEqual({ fee: 2.6, countries: ['BR', 'SA', 'PL'] });
    expect(S.gift.tiers['long-tail']).toEqual({ fee: 3.8, countries: ['RU', 'MX'] });
    expect([S.gift.overweightAboveG, S.gift.overweightSurcharge]).toEqual([50, 0.8]); // [G-OVERWEIGHT]
    expect([S.gift.nfeCountries, S.gift.nfeSurcharge]).toEqual([['BR'], 1.5]); // [G-NFE]
    expect(S.gift.codCountries).toEqual(['EG', 'PK']); // [G-COD]
    expect([S.gift.minStoreLevel, S.gift.minPositiveRate, S.gift.maxDisputeRate]).toEqual([3, 0.95, 0.005]); // [G-ELIGIBLE]
    expect([S.gift.conversionUplift, S.gift.repeatUplift, S.gift.cpc]).toEqual([0.187, 0.234, 15.6]); // [G-ROI]
    expect([S.express.uploadHours, S.express.minEvents, S.express.penaltyUpload]).toEqual([24, 7, 0.5]);
    expect([S.express.stallHours, S.express.penaltyStall]).toEqual([48, 1.2]);
    expect([S.express.timeoutDays, S.express.timeoutRate, S.express.timeoutCap]).toEqual([30, 0.05, 50]);
    expect(S.express.blocked).toEqual(['KP', 'SY']);
    expect([S.express.kaMonthlyGmv, S.express.kaFulfilmentRate, S.express.kaMonths]).toEqual([50000, 0.95, 3]);
  });
  it('the schema rejects a broken card (so the load-time check can fail)', () => {
    const broken = structuredClone(S) as any;
    broken.gift.tiers.mature.fee = -1;
    expect(main.RateCardSchema.safeParse(broken).success).toBe(false);
    expect(kindOf(main.validateCard(broken))).toBe('#VALUE!');
    delete broken.gift.tiers.mature.fee;
    expect(kindOf(main.validateCard(broken))).toBe('#VALUE!');
  });
});

describe('cardToTable → cardFromTable', () => {
  it('round-trips the built-in card, in English and in Chinese headers', () => {
    for (const lang of ['en', 'zh'] as const) {
      const t = main.cardToTable(S, lang);
      expect(t[0]).toEqual(lang === 'en' ? ['key', 'value', 'note'] : ['键', '值', '说明']);
      expect(t.every((r) => r.length === 3)).toBe(true);
      expect(main.cardFromTable(t)).toEqual(S);
    }
  });
  it('round-trips as a sheet hands it back: values as text, the header dropped, rows shuffled', () => {
    const body = main.cardToTable(S).slice(1).map(([k, v]) => [k, String(v)]);
    const shuffled = body.map((r, i) => [r, (i * 7919) % 101] as const).sort((a, b) => a[1] - b[1]).map((x) => x[0]);
    expect(main.cardFromTable(shuffled)).toEqual(S);
  });
  it('round-trips a modified card (every number changed)', () => {
    const c = structuredClone(S) as any;
    c.card.id = 'what-if';
    c.gift.tiers.emerging.fee = 3;
    c.gift.tiers.mature.countries = ['US', 'FR', 'DE', 'GB', 'ES'];
    c.express.timeoutCap = 40;
    c.express.docs.ES = ['commercial invoice', 'NIF'];
    c.express.blocked = ['KP', 'SY', 'IR'];
    expect(main.cardFromTable(main.cardToTable(c))).toEqual(c);
  });
  it('every row has a note in both languages except free-form ones', () => {
    const en = main.cardToTable(S, 'en');
    const zh = main.cardToTable(S, 'zh');
    for (let i = 1; i < en.length; i++) {
      expect(String(en[i][2]).length, String(en[i][0])).toBeGreaterThan(0);
      expect(hasCjk(String(zh[i][2])), String(zh[i][0])).toBe(true);
    }
  });
});

describe('partial (what-if) cards inherit the built-in card', () => {
  const whatIf = [['gift.tiers.emerging.fee', 3.0]];
  it('one row gift.tiers.emerging.fee | 3.0 changes SG_FEE("BR", …) and nothing else', () => {
    expect(f.SG_FEE('BR', 30, true)).toBe(2.6);
    expect(f.SG_FEE('BR', 30, true, '', whatIf)).toBe(3);
    expect(f.SG_FEE('BR', 51, false, '', whatIf)).toBe(5.3); // 3.00 + 0.80 + 1.50
    expect(f.SG_FEE('SA', 30, '', '', whatIf)).toBe(3);
    expect(f.SG_FEE('US', 30, '', '', whatIf)).toBe(3.2);
    expect(f.SG_FEE('RU', 30, '', '', whatIf)).toBe(3.8);
    const c = main.cardFromTable(whatIf) as any;
    expect({ ...c, gift: { ...c.gift, tiers: { ...c.gift.tiers, emerging: { ...c.gift.tiers.emerging, fee: 2.6 } } } }).toEqual(S);
  });
  it('the same with a header row, text value "3.0", a note column and blank rows', () => {
    const t = [['key', 'value', 'note'], ['gift.tiers.emerging.fee', '3.0', 'what if'], ['', '', ''], [null, null, null]];
    expect(f.SG_FEE('BR', 30, true, '', t)).toBe(3);
  });
  it('what-if cards reach every card-using function', () => {
    expect(f.PENALTY(1200, 31, '', [['express.timeoutCap', 40]])).toBe(40);
    expect(f.PENALTY(100, 31, '', [['express.timeoutDays', 45]])).toBe(0);
    expect(f.PENALTY_STALL(30, [['express.stallHours', 24]])).toBe(1.2);
    expect(f.PENALTY_UPLOAD(2, [['express.penaltyUpload', 0.75]])).toBe(1.5);
    expect(f.UPLOAD_LATE('2024-06-01 10:00', '2024-06-02 11:00', [['express.uploadHours', 36]])).toBe(false);
    expect(f.SG_CONFIRM_BY('2024-06-01 10:00', [['gift.confirmHours', 72]]).getTime()).toBe(Date.UTC(2024, 5, 4, 10));
    expect(f.SG_CAC_SAVING(2, '', [['gift.cpc', 20]])).toBeCloseTo(0.9, 12);
    expect(f.SG_FEE('GB', 30, '', '', [['gift.tiers.mature.countries', 'US, FR, DE, 英国']])).toBe(3.2);
    expect(f.SG_ELIGIBLE('L2', '95%', '0.5%', true, [['gift.minStoreLevel', 2]])).toBe(true);
    expect(f.OFFLINE_ELIGIBLE([[40000], [40000], [40000]], [[0.95], [0.95], [0.95]], [['express.kaMonthlyGmv', 40000]])).toBe(true);
    expect(f.NODES_MISSING([['Order placed'], ['Picked up'], ['Export customs'], ['Import customs'], ['Out for delivery'], ['Delivered']], [['express.minEvents', 6]])).toBe('');
  });
  it('an entirely empty rates range means "not given"', () => {
    expect(f.SG_FEE('BR', 30, true, '', [['', ''], [null, null]])).toBe(2.6);
  });
});

describe('malformed tables: #VALUE! naming the row, en and zh', () => {
  const cases: [string, unknown[][], RegExp][] = [
    ['bad number', [['key', 'value'], ['gift.nfeSurcharge', 1.5], ['gift.tiers.emerging.fee', 'three']], /^rate card row 3 \(gift\.tiers\.emerging\.fee\): must be a number/],
    ['negative fee', [['gift.tiers.emerging.fee', -1]], /^rate card row 1 \(gift\.tiers\.emerging\.fee\): is below the allowed minimum/],
    ['empty number', [['gift.cpc', '']], /^rate card row 1 \(gift\.cpc\): needs a number/],
    ['unknown key', [['gift.tiers.emerging.fee', 3], ['gift.tiers.emergent.fee', 3]], /^rate card row 2: "gift\.tiers\.emergent\.fee" is not a rate-card key/],
    ['inherited property as key', [['gift.tiers.emerging.fee', 3], ['constructor', 3]], /^rate card row 2: "constructor" is not a rate-card key/],
    ['a branch as key', [['gift.tiers', 3]], /^rate card row 1: "gift\.tiers" is not a rate-card key/],
    ['duplicate key', [['gift.tiers.emerging.fee', 3], ['gift.cpc', 15], ['gift.tiers.emerging.fee', 3.1]], /^rate card row 3 \(gift\.tiers\.emerging\.fee\): repeats row 1/],
    ['country in two of the user\'s own tiers', [['card.id', 'x'], ['gift.tiers.mature.countries', 'US, FR, DE, BR'], ['gift.tiers.emerging.countries', '巴西, SA, PL']], /^rate card row 3 \(gift\.tiers\.emerging\.countries\): BR is also in tier mature/],
    ['country in two of the user\'s own tiers (rows in another order)', [['gift.tiers.long-tail.countries', 'RU, MX, PL'], ['gift.tiers.emerging.countries', 'BR, SA, PL']], /^rate card row 2 \(gift\.tiers\.emerging\.countries\): PL is also in tier long-tail|^rate card row 1 \(gift\.tiers\.long-tail\.countries\): PL is also in tier emerging/],
    ['unknown country', [['gift.tiers.emerging.countries', 'BR, SA, Atlantis']], /^rate card row 1 \(gift\.tiers\.emerging\.countries\): unknown country "Atlantis"/],
    ['unknown blocked country', [['express.blocked', 'KP; SY; Mordor']], /^rate card row 1 \(express\.blocked\): unknown country "Mordor"/],
    ['bad enum', [['express.firstScanFrom', 'pickup']], /^rate card row 1 \(express\.firstScanFrom\): is not one of the allowed values/],
    ['bad node', [['express.requiredNodes', 'placed, teleported']], /^rate card row 1 \(express\.requiredNodes/],
    ['rate above 100%', [['gift.minPositiveRate', 150]], /^rate card row 1 \(gift\.minPositiveRate\): must be a rate between 0% and 100%/],
    ['rate "120%"', [['express.timeoutRate', '120%']], /^rate card row 1 \(express\.timeoutRate\): must be a rate between 0% and 100%/],
    ['[G-OVERWEIGHT] limit 0 grams', [['gift.overweightAboveG', 0]], /^rate card row 1 \(gift\.overweightAboveG\): must be greater than 0$/],
    ['[X-ELIGIBLE] 2.5 months', [['express.kaMonths', 2.5]], /^rate card row 1 \(express\.kaMonths\): must be a whole number$/],
    ['[G-CONFIRM] 2.5 failures', [['gift.freezeAfterFailures', '2.5']], /^rate card row 1 \(gift\.freezeAfterFailures\): must be a whole number$/],
    ['bad date', [['card.effective', 'soon']], /^rate card row 1 \(card\.effective\): must be a date/],
    ['bad docs key', [['express.docs.ESP', 'x']], /^rate card row 1: "express\.docs\.ESP" is not a rate-card key/],
    ['an orders table given as a card', [['Order ID', 'Carrier'], ['81001', 'DHL'], ['81001', 'DHL']], /^this range is not a rate card: none of its first-column texts is a rate-card key .*it starts "?Order ID"?, "?81001"?/],
    ['not a range', 'abc' as unknown as unknown[][], /^rate card row 1: "abc" is not a rate-card key|must be a range/],
  ];
  for (const [what, table, re] of cases) {
    it(`${what}`, () => {
      const direct = main.cardFromTable(table);
      expect(kindOf(direct)).toBe('#VALUE!');
      expect((direct as any).en).toMatch(re);
      expect((direct as any).zh).toMatch(/费率卡/);
      // the same error surfaces from a function given the table as its rates argument
      const viaFn = f.SG_FEE('BR', 30, true, '', table);
      expect(kindOf(viaFn)).toBe('#VALUE!');
      expect(viaFn.en).toMatch(re);
    });
  }
  it('a malformed card gives the error for a whole range call (not per cell values computed with a wrong card)', () => {
    const r = f.SG_FEE([['BR'], ['US']], 30, true, '', [['gift.cpc', 'x']]);
    expect(kindOf(r)).toBe('#VALUE!');
  });
});

describe('[G-FEE] a what-if row MOVES a country between tiers', () => {
  it('[G-FEE] gift.tiers.mature.countries | US, FR, DE, BR moves BR from the inherited emerging tier', () => {
    const t = [['gift.tiers.mature.countries', 'US, FR, DE, BR']];
    const c = main.cardFromTable(t) as any;
    expect(kindOf(c)).toBeUndefined();
    expect(c.gift.tiers.mature.countries).toEqual(['US', 'FR', 'DE', 'BR']);
    expect(c.gift.tiers.emerging.countries).toEqual(['SA', 'PL']);
    expect(c.gift.tiers['long-tail'].countries).toEqual(['RU', 'MX']);
    expect(f.SG_TIER('BR', '', t)).toBe('mature');
    expect(f.SG_FEE('BR', 30, true, '', t)).toBe(3.2); // mature base fee
    expect(f.SG_FEE('BR', 30, true)).toBe(2.6); // the built-in card is untouched
    expect(f.SG_TIER('SA', '', t)).toBe('emerging');
  });
  it('[G-FEE] a later row moves it too, in any spelling; the built-in card object is not changed', () => {
    const t = [['card.id', 'x'], ['gift.tiers.long-tail.countries', 'RU, MX, 巴西']];
    expect(f.SG_TIER('Brazil', '', t)).toBe('long-tail');
    expect(S.gift.tiers.emerging.countries).toEqual(['BR', 'SA', 'PL']);
  });
  it('[G-FEE] moving into a tier the user also states keeps the user\'s lists as typed', () => {
    const t = [['gift.tiers.mature.countries', 'US, FR, DE, PL'], ['gift.tiers.emerging.countries', 'BR, SA']];
    expect(f.SG_TIER('PL', '', t)).toBe('mature');
    expect(f.SG_TIER('SA', '', t)).toBe('emerging');
  });
});

describe('Excel desktop: empty cells of a range arrive as 0', () => {
  it('a key cell 0 is an empty row (the rest of the card still reads)', () => {
    const t = [['gift.tiers.emerging.fee', 3], [0, 0], [0, 0]];
    expect(f.SG_FEE('BR', 30, true, '', t)).toBe(3);
    expect(kindOf(main.cardFromTable([[0, 0], ['gift.cpc', 20]]))).toBeUndefined();
  });
  it('a rates range of zeros only is "not given", like an empty range', () => {
    expect(f.SG_FEE('BR', 30, true, '', [[0, 0], [0, 0]])).toBe(2.6);
  });
  it('a 0 in the value of a list or text key is an empty value, a 0 number stays a number', () => {
    const c = main.cardFromTable([['express.blocked', 0], ['gift.repeatRate', 0]]) as any;
    expect(c.express.blocked).toEqual([]);
    expect(c.gift.repeatRate).toBe(0);
  });
});

describe('rate-card values as people type them', () => {
  it('[X-FIRSTSCAN] firstScanFrom accepts payment / 付款 / upload / 上传 in any case', () => {
    for (const [v, want] of [['付款', 'payment'], ['Payment', 'payment'], ['上传', 'upload'], ['UPLOAD', 'upload'], ['上传时间', 'upload']] as const) {
      const c = main.cardFromTable([['express.firstScanFrom', v]]) as any;
      expect(kindOf(c), v).toBeUndefined();
      expect(c.express.firstScanFrom, v).toBe(want);
    }
    expect((main.cardFromTable([['express.firstScanFrom', '揽收']]) as any).en).toMatch(/is not one of the allowed values \(payment, upload\)/);
  });
  it('[G-ELIGIBLE] [X-PEN-TIMEOUT] [X-ELIGIBLE] fraction keys read 0.95, "95%" and 95 alike', () => {
    for (const v of [0.95, '95%', 95, '95']) {
      const c = main.cardFromTable([['gift.minPositiveRate', v], ['express.kaFulfilmentRate', v]]) as any;
      expect(c.gift.minPositiveRate, String(v)).toBe(0.95);
      expect(c.express.kaFulfilmentRate, String(v)).toBe(0.95);
    }
    for (const v of [0.005, '0.5%']) expect((main.cardFromTable([['gift.maxDisputeRate', v]]) as any).gift.maxDisputeRate).toBe(0.005);
    expect((main.cardFromTable([['express.timeoutRate', '10%']]) as any).express.timeoutRate).toBe(0.1);
    expect((main.cardFromTable([['gift.repeatRate', 30]]) as any).gift.repeatRate).toBe(0.3);
    // the same card through a function: 10% timeout rate on $100 → $10
    expect(f.PENALTY(100, 31, '', [['express.timeoutRate', '10%']])).toBe(10);
  });
});
