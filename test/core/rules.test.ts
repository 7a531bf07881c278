/**
 * Each RULES.md rule id of the rules-core issue, with its boundaries tested on both sides.
 * Every expected number is derived from RULES.md (stated next to it), never read back from the code.
 */
import { describe, it, expect } from 'vitest';
import { main, kindOf, hasCjk, NOW } from './_main';

const en = main.sheetFunctions({ now: NOW }) as Record<string, (...a: unknown[]) => any>;
const zh = main.sheetFunctions({ now: NOW, lang: 'zh' }) as Record<string, (...a: unknown[]) => any>;
const HOUR = 3_600_000;
const MIN = 60_000;
const cents = (x: number) => Math.round(x * 100);

describe('[G-FEE] base fee per tier (2024 standard card, CNY)', () => {
  const tiers: [string, string[], number][] = [
    ['mature', ['US', 'FR', 'DE'], 3.2],
    ['emerging', ['BR', 'SA', 'PL'], 2.6],
    ['long-tail', ['RU', 'MX'], 3.8],
  ];
  for (const [tier, countries, fee] of tiers) {
    for (const c of countries) {
      it(`[G-FEE] ${c} is ${tier}: SG_FEE(${c}, 30, TRUE) = ${fee} and SG_TIER = ${tier}`, () => {
        expect(en.SG_FEE(c, 30, true)).toBe(fee);
        expect(en.SG_TIER(c)).toBe(tier);
      });
    }
  }
  it('[G-FEE] SG_TIER answers in Chinese for zh users', () => {
    expect(zh.SG_TIER('BR')).toBe('新兴市场');
    expect(zh.SG_TIER('US')).toBe('成熟市场');
    expect(zh.SG_TIER('RU')).toBe('长尾市场');
  });
  it('[G-FEE] a country the card has no tier for is #N/A that says so (never a guess), en and zh', () => {
    for (const c of ['CN', 'JP', 'GB', 'ES']) {
      const r = en.SG_FEE(c, 30);
      expect(kindOf(r)).toBe('#N/A');
      expect(r.en).toMatch(/no Small-Gift tier/);
      expect(r.en).toContain(`(${c})`);
      expect(r.en).toContain('2024-standard');
      expect(hasCjk(r.zh)).toBe(true);
      expect(kindOf(en.SG_TIER(c))).toBe('#N/A');
    }
  });
});

describe('[G-OVERWEIGHT] +¥0.80 above 50 g; exactly 50 g is not overweight', () => {
  it('[G-OVERWEIGHT] 50 g / 50.01 g on both sides, every tier', () => {
    for (const [c, base] of [['US', 3.2], ['SA', 2.6], ['MX', 3.8]] as const) {
      expect(en.SG_FEE(c, 50)).toBe(base);
      expect(cents(en.SG_FEE(c, 50.01))).toBe(cents(base) + 80);
      expect(en.SG_FEE(c, 0)).toBe(base);
      expect(cents(en.SG_FEE(c, 5000))).toBe(cents(base) + 80);
    }
  });
  it('[G-OVERWEIGHT] 49.999 g is not overweight, "50.0" typed as text is not either', () => {
    expect(en.SG_FEE('US', 49.999)).toBe(3.2);
    expect(en.SG_FEE('US', '50.0')).toBe(3.2);
    expect(en.SG_FEE('US', '50.01')).toBe(4);
  });
});

describe('[G-NFE] Brazil without an NFe number: +¥1.50', () => {
  it('[G-NFE] omitted, FALSE, "" and null all mean "no NFe"; TRUE / "是" removes the surcharge', () => {
    for (const noNfe of [undefined, false, '', null, '否', 'no', 0]) expect(en.SG_FEE('BR', 30, noNfe)).toBe(4.1);
    for (const yes of [true, '是', 'yes', 1, 'TRUE']) expect(en.SG_FEE('BR', 30, yes)).toBe(2.6);
  });
  it('[G-NFE] + [G-OVERWEIGHT] stack: BR 51 g without NFe = 2.60 + 0.80 + 1.50', () => {
    expect(en.SG_FEE('BR', 51)).toBe(4.9);
    expect(en.SG_FEE('BRA', 50)).toBe(4.1);
  });
  it('[G-NFE] other countries never pay it (SA, PL, US, RU without NFe)', () => {
    expect(en.SG_FEE('SA', 30, false)).toBe(2.6);
    expect(en.SG_FEE('PL', 30)).toBe(2.6);
    expect(en.SG_FEE('US', 30, false)).toBe(3.2);
    expect(en.SG_FEE('RU', 30, false)).toBe(3.8);
  });
});

describe('[G-COD] cash-on-delivery markets have no gifts', () => {
  it('[G-COD] EG and PK in any spelling are #N/A "not offered", not 0, en and zh', () => {
    for (const c of ['EG', 'EGY', 'Egypt', '埃及', 'PK', 'pak', 'Pakistan', '巴基斯坦']) {
      const r = en.SG_FEE(c, 20);
      expect(kindOf(r)).toBe('#N/A');
      expect(r.en).toMatch(/not offered/);
      expect(r.en).toMatch(/cash-on-delivery/);
      expect(r.zh).toMatch(/货到付款/);
      expect(kindOf(en.SG_TIER(c))).toBe('#N/A');
    }
  });
  it('[G-COD] the Chinese message reaches zh users', () => {
    const r = zh.SG_FEE('EG', 20);
    expect(kindOf(r)).toBe('#N/A');
    expect(r.zh).toContain('埃及');
  });
});

describe('[G-ELIGIBLE] all of: level ≥ L3, 90-day positive ≥ 95%, 30-day disputes ≤ 0.5%, Alipay verified', () => {
  const ok = ['L3', '95%', '0.5%', true] as const;
  it('[G-ELIGIBLE] exactly at every threshold is eligible, WHY is ""', () => {
    expect(en.SG_ELIGIBLE(...ok)).toBe(true);
    expect(en.SG_ELIGIBLE_WHY(...ok)).toBe('');
    expect(en.SG_ELIGIBLE(3, 0.95, 0.005, 'TRUE')).toBe(true);
    expect(en.SG_ELIGIBLE('Lv3', 95, '0.5%', '是')).toBe(true);
    // a bare 0.5 is a fraction (50%), not 0.5%: far above the limit
    expect(en.SG_ELIGIBLE('Lv3', 95, 0.5, '是')).toBe(false);
    expect(en.SG_ELIGIBLE('L10', 1, 0, true)).toBe(true);
  });
  it('[G-ELIGIBLE] just past each threshold fails, and WHY names exactly that criterion', () => {
    const cases: [unknown[], RegExp][] = [
      [['L2', '95%', '0.5%', true], /store level L2 is below L3/],
      [['L3', '94.99%', '0.5%', true], /positive rate 94\.99% is below 95%/],
      [['L3', '95%', '0.51%', true], /dispute rate 0\.51% is above 0\.5%/],
      [['L3', '95%', '0.5%', false], /Alipay/],
    ];
    for (const [args, why] of cases) {
      expect(en.SG_ELIGIBLE(...args)).toBe(false);
      const w: string = en.SG_ELIGIBLE_WHY(...args);
      expect(w).toMatch(why);
      // one phrase per failing criterion: only this one
      expect(w.split('. Also required')[0].split('; ')).toHaveLength(1);
      expect(hasCjk(zh.SG_ELIGIBLE_WHY(...args))).toBe(true);
    }
  });
  it('[G-ELIGIBLE] several failures list each one; bad store level is #VALUE!', () => {
    const w: string = en.SG_ELIGIBLE_WHY('L1', '90%', '2%', false);
    expect(w.split('. Also required')[0].split('; ')).toHaveLength(4);
    expect(kindOf(en.SG_ELIGIBLE('gold', '95%', '0.5%', true))).toBe('#VALUE!');
    expect(kindOf(en.SG_ELIGIBLE('L3', '120%', '0.5%', true))).toBe('#VALUE!');
  });
});

describe('[G-TRIGGER] order ≥ threshold, compared in exact cents', () => {
  it('[G-TRIGGER] $29.99 does not meet $30.00; $30.00 does', () => {
    expect(en.SG_TRIGGER(29.99, 30)).toBe(false);
    expect(en.SG_TRIGGER(30, 30)).toBe(true);
    expect(en.SG_TRIGGER(30.01, 30)).toBe(true);
    expect(en.SG_TRIGGER('$29.99', '30')).toBe(false);
    expect(en.SG_TRIGGER('30.00', '$30')).toBe(true);
  });
  it('[G-TRIGGER] 0.1 + 0.2 meets 0.3 (binary floating point would say no)', () => {
    expect(0.1 + 0.2 >= 0.3).toBe(true); // sanity: JS says 0.30000000000000004 ≥ 0.3…
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(en.SG_TRIGGER(0.1 + 0.2, 0.3)).toBe(true);
    expect(en.SG_TRIGGER(0.3, 0.1 + 0.2)).toBe(true); // …and the reverse is the case floats get wrong
    expect(0.3 >= 0.1 + 0.2).toBe(false);
    expect(en.SG_TRIGGER(1.1 * 3, 3.3)).toBe(true);
    expect(en.SG_TRIGGER(3.3, 1.1 * 3)).toBe(true);
  });
});

describe('[G-CONFIRM] confirm shipped within 48 h of shipping', () => {
  it('[G-CONFIRM] SG_CONFIRM_BY = shipped + exactly 48 h; 48 h is in time, 48 h + 1 min is late', () => {
    const shipped = Date.UTC(2024, 5, 1, 10, 0);
    const by: Date = en.SG_CONFIRM_BY('2024-06-01 10:00');
    expect(by).toBeInstanceOf(Date);
    expect(by.getTime() - shipped).toBe(48 * HOUR);
    expect(shipped + 48 * HOUR <= by.getTime()).toBe(true);
    expect(shipped + 48 * HOUR + MIN <= by.getTime()).toBe(false);
  });
  it('[G-CONFIRM] same deadline from an Excel serial, a Date and Chinese text', () => {
    const want = Date.UTC(2024, 5, 3, 10, 30);
    expect(en.SG_CONFIRM_BY(45444 + 10.5 / 24).getTime()).toBe(want);
    expect(en.SG_CONFIRM_BY(new Date(Date.UTC(2024, 5, 1, 10, 30))).getTime()).toBe(want);
    expect(en.SG_CONFIRM_BY('2024年6月1日 10:30').getTime()).toBe(want);
    expect(en.SG_CONFIRM_BY('2024年6月1日 10时30分').getTime()).toBe(want);
  });
  it('[G-CONFIRM] the freeze after 3 consecutive failures is in the built-in card', () => {
    expect(main.STANDARD_2024.gift.freezeAfterFailures).toBe(3);
    expect(main.STANDARD_2024.gift.confirmHours).toBe(48);
  });
});

describe('[G-STATUS] status and error codes explained, en and zh', () => {
  const codes: [string, RegExp, RegExp][] = [
    ['PENDING', /Waiting/, /等待/],
    ['FAILED', /gift-only warehouse/, /礼物专用仓/],
    ['ERR-407', /packaging not registered/, /包装未备案/],
    ['ERR-211', /destination qualification/, /目的国资质/],
  ];
  for (const [code, reEn, reZh] of codes) {
    it(`[G-STATUS] ${code} in en, zh (lang argument and zh host), and as people type it`, () => {
      expect(en.SG_STATUS(code)).toMatch(reEn);
      expect(en.SG_STATUS(code)).toMatch(/Fix: /);
      expect(en.SG_STATUS(code, 'zh')).toMatch(reZh);
      expect(zh.SG_STATUS(code)).toMatch(reZh);
      expect(zh.SG_STATUS(code, 'en')).toMatch(reEn);
      expect(en.SG_STATUS(` ${code.toLowerCase().replace('-', ' ')} `)).toMatch(reEn);
    });
  }
  it('[G-STATUS] "407" and "err407" find ERR-407; unknown codes are #N/A listing the known ones; bad lang is #VALUE!', () => {
    expect(en.SG_STATUS('407')).toMatch(/packaging/);
    expect(en.SG_STATUS('err407')).toMatch(/packaging/);
    const r = en.SG_STATUS('ERR-999');
    expect(kindOf(r)).toBe('#N/A');
    expect(r.en).toContain('ERR-407');
    expect(kindOf(en.SG_STATUS('PENDING', 'klingon'))).toBe('#VALUE!');
  });
});

describe('[G-ROI] ROI model (FUNCTIONS.md) and CAC saving', () => {
  // FUNCTIONS.md model, written out independently of the implementation.
  const roi = (orders: number, aov: number, margin: number, gift: number, cu = 0.187, rr = 0, ru = 0.234) => {
    const gain = (orders * cu + orders * rr * ru) * aov * margin;
    const cost = orders * (1 + cu) * gift;
    return (gain - cost) / cost;
  };
  it('[G-ROI] defaults 18.7% / 0 / 23.4% and explicit uplifts', () => {
    expect(en.SG_ROI(1000, 120, '30%', 2.6)).toBeCloseTo(roi(1000, 120, 0.3, 2.6), 12);
    expect(en.SG_ROI(1000, 120, 0.3, 2.6, 0.1, 0.2, 0.5)).toBeCloseTo(roi(1000, 120, 0.3, 2.6, 0.1, 0.2, 0.5), 12);
    expect(en.SG_ROI(500, 80, 0.25, 1.2, '', 0.3)).toBeCloseTo(roi(500, 80, 0.25, 1.2, 0.187, 0.3), 12);
    // a hand-checked figure: gain = 187 × 120 × 0.3 = 6732; cost = 1000 × 1.187 × 2.6 = 3086.2
    expect(en.SG_ROI(1000, 120, 0.3, 2.6)).toBeCloseTo((6732 - 3086.2) / 3086.2, 12);
  });
  it('[G-ROI] zero cost is #NUM! (ROI undefined), never Infinity', () => {
    expect(kindOf(en.SG_ROI(0, 120, 0.3, 2.6))).toBe('#NUM!');
    expect(kindOf(en.SG_ROI(1000, 120, 0.3, 0))).toBe('#NUM!');
  });
  it('[G-ROI] SG_CAC_SAVING = 1 − gift_cost / cpc, default cpc ¥15.6 (≈92% saved for ¥1.2)', () => {
    expect(en.SG_CAC_SAVING(1.2)).toBeCloseTo(1 - 1.2 / 15.6, 12);
    expect(en.SG_CAC_SAVING(2.8)).toBeCloseTo(1 - 2.8 / 15.6, 12);
    expect(en.SG_CAC_SAVING(2.8, 20)).toBeCloseTo(0.86, 12);
    expect(en.SG_CAC_SAVING(0)).toBe(1);
    expect(kindOf(en.SG_CAC_SAVING(1.2, 0))).toBe('#VALUE!'); // bad input, not a computed #NUM!
  });
});

describe('[X-UPLOAD] upload the tracking number within 24 h of payment', () => {
  it('[X-UPLOAD] UPLOAD_BY = paid + 24 h', () => {
    expect(en.UPLOAD_BY('2024-06-01 10:00').getTime()).toBe(Date.UTC(2024, 5, 2, 10, 0));
    expect(en.UPLOAD_BY(45444).getTime()).toBe(Date.UTC(2024, 5, 2));
  });
  it('[X-UPLOAD] UPLOAD_LATE at 24 h is FALSE, at 24 h + 1 min is TRUE (text, serials, Dates)', () => {
    expect(en.UPLOAD_LATE('2024-06-01 10:00', '2024-06-02 10:00')).toBe(false);
    expect(en.UPLOAD_LATE('2024-06-01 10:00', '2024-06-02 10:01')).toBe(true);
    expect(en.UPLOAD_LATE('2024-06-01 10:00', '2024-06-01 10:00')).toBe(false);
    expect(en.UPLOAD_LATE(45444, 45445)).toBe(false);
    expect(en.UPLOAD_LATE(45444, 45445 + 1 / 1440)).toBe(true);
    const paid = new Date(Date.UTC(2024, 6, 1, 23, 30));
    expect(en.UPLOAD_LATE(paid, new Date(paid.getTime() + 24 * HOUR))).toBe(false);
    expect(en.UPLOAD_LATE(paid, new Date(paid.getTime() + 24 * HOUR + MIN))).toBe(true);
    expect(en.UPLOAD_LATE(paid, new Date(paid.getTime() + 24 * HOUR + 1000))).toBe(true);
  });
  it('[X-UPLOAD] uploaded before paid is #VALUE! telling the user to check the dates', () => {
    const r = en.UPLOAD_LATE('2024-06-02', '2024-06-01');
    expect(kindOf(r)).toBe('#VALUE!');
    expect(r.en).toMatch(/before/);
    expect(hasCjk(r.zh)).toBe(true);
  });
});

describe('[X-FIRSTSCAN is audit-only]', () => {
  it('[X-FIRSTSCAN] no spreadsheet function claims it; the card carries 48 h from payment for the audit', () => {
    expect(main.CATALOGUE.filter((d) => d.rules.includes('X-FIRSTSCAN'))).toEqual([]);
    expect(main.STANDARD_2024.express.firstScanHours).toBe(48);
    expect(main.STANDARD_2024.express.firstScanFrom).toBe('payment');
    const c = main.cardFromTable([['express.firstScanFrom', 'upload']]);
    expect(kindOf(c)).toBeUndefined();
    expect((c as any).express.firstScanFrom).toBe('upload');
  });
});

describe('[X-NODES] at least 7 events and the six required nodes', () => {
  const trailEn = [
    'Order placed',
    'Picked up by carrier',
    'Export customs clearance completed',
    'Departed from origin country',
    'Import customs clearance',
    'Out for delivery',
    'Delivered, signed by recipient',
  ];
  const trailZh = ['订单已创建', '快件已揽收', '出口清关完成', '航班已起飞', '进口清关', '派送中', '已签收'];
  const col = (xs: string[]) => xs.map((x) => [x]);
  it('[X-NODES] a complete trail (English, Chinese, as a row or a column) gives ""', () => {
    expect(en.NODES_MISSING(col(trailEn))).toBe('');
    expect(en.NODES_MISSING([trailEn])).toBe('');
    expect(en.NODES_MISSING(col(trailZh))).toBe('');
  });
  it('[X-NODES] 6 events with every node: too few events (both sides of 7)', () => {
    const six = trailEn.filter((e) => !e.startsWith('Departed'));
    expect(en.NODES_MISSING(col(six))).toBe('only 6 events (needs 7)');
    expect(zh.NODES_MISSING(col(six))).toMatch(/6.*7/);
  });
  it('[X-NODES] a trail without import customs and delivery names both, en and zh; blank cells do not count', () => {
    const t = ['Order placed', 'Picked up', 'Export customs', 'In transit', 'Arrived at hub', 'In transit', 'Processing'];
    const r: string = en.NODES_MISSING(col([...t, '', '']));
    expect(r).toMatch(/missing: .*import customs/);
    expect(r).toMatch(/out for delivery/);
    expect(r).toMatch(/delivered/);
    expect(r).not.toMatch(/only/);
    expect(zh.NODES_MISSING(col(t))).toMatch(/进口清关/);
  });
  it('[X-NODES] an empty trail is #VALUE! (required), not ""', () => {
    expect(kindOf(en.NODES_MISSING([[''], [null]]))).toBe('#VALUE!');
  });
});

describe('[X-PEN-UPLOAD] $0.50 per failed upload', () => {
  it('[X-PEN-UPLOAD] 0, 1, 3, 1000 failures; fractions and negatives are errors', () => {
    expect(en.PENALTY_UPLOAD(0)).toBe(0);
    expect(en.PENALTY_UPLOAD(1)).toBe(0.5);
    expect(en.PENALTY_UPLOAD(3)).toBe(1.5);
    expect(en.PENALTY_UPLOAD(1000)).toBe(500);
    expect(kindOf(en.PENALTY_UPLOAD(1.5))).toBe('#VALUE!');
    expect(kindOf(en.PENALTY_UPLOAD(-1))).toBe('#VALUE!');
  });
});

describe('[X-PEN-STALL] $1.20 when a trail has no update for more than 48 h', () => {
  it('[X-PEN-STALL] 48 h is not a stall; 48 h + 1 min is', () => {
    expect(en.PENALTY_STALL(48)).toBe(0);
    expect(en.PENALTY_STALL(48 + 1 / 60)).toBe(1.2);
    expect(en.PENALTY_STALL(0)).toBe(0);
    expect(en.PENALTY_STALL(47.99)).toBe(0);
    expect(en.PENALTY_STALL(1000)).toBe(1.2);
    expect(en.PENALTY_STALL('49')).toBe(1.2);
  });
});

describe('[X-PEN-TIMEOUT] > 30 days, not delivered, no appeal: 5% of the amount, capped at $50', () => {
  it('[X-PEN-TIMEOUT] 30 days is not late; 30.01 days is', () => {
    expect(en.PENALTY(100, 30)).toBe(0);
    expect(en.PENALTY(100, 30.01)).toBe(5);
    expect(en.PENALTY(100, 31)).toBe(5);
    expect(en.PENALTY(100, 0)).toBe(0);
  });
  it('[X-PEN-TIMEOUT] a valid appeal removes it', () => {
    expect(en.PENALTY(1200, 31, true)).toBe(0);
    expect(en.PENALTY(1200, 31, '是')).toBe(0);
    expect(en.PENALTY(1200, 31, false)).toBe(50);
    expect(en.PENALTY(1200, 31, '')).toBe(50);
  });
  it('[X-PEN-TIMEOUT] cap: $1000 → $50; $999.99 → 49.9995 → $50.00 at cents; $999.89 → $49.99; $1000.01 → $50', () => {
    expect(en.PENALTY(1000, 31)).toBe(50);
    expect(en.PENALTY(1000.01, 31)).toBe(50);
    expect(en.PENALTY(1e9, 31)).toBe(50);
    expect(en.PENALTY(999.99, 31)).toBe(50); // 5% = 49.9995, rounds half up to 50.00
    expect(en.PENALTY(999.9, 31)).toBe(50); // 49.995 → 50.00 (half up)
    expect(en.PENALTY(999.89, 31)).toBe(49.99); // 49.9945 → 49.99
    expect(en.PENALTY(999.8, 31)).toBe(49.99);
  });
  it('[X-PEN-TIMEOUT] rounding to cents, half up: 10.10 → 0.51, 10.09 → 0.50, 0.01 → 0.00', () => {
    expect(en.PENALTY(10.1, 31)).toBe(0.51);
    expect(en.PENALTY(10.09, 31)).toBe(0.5);
    expect(en.PENALTY(0.01, 31)).toBe(0);
    expect(en.PENALTY(0.1, 31)).toBe(0.01); // 0.005 → 0.01
  });
  it('[X-PEN-TIMEOUT] every amount in cents matches integer arithmetic min(round½↑(c × 5 / 100), 5000)', () => {
    for (let c = 0; c <= 120_000; c += 7) {
      const want = Math.min(Math.floor((c * 5 + 50) / 100), 5000) / 100;
      const got = en.PENALTY(c / 100, 31);
      if (got !== want) expect(`${c / 100} → ${got}`).toBe(`${c / 100} → ${want}`);
    }
  });
});

describe('[X-DOCS] customs documents by destination', () => {
  it('[X-DOCS] RU, BR, MX need a commercial invoice and the local tax id; others need nothing', () => {
    expect(en.DOCS_REQUIRED('RU')).toBe('commercial invoice; INN (Russian tax id)');
    expect(en.DOCS_REQUIRED('巴西')).toBe('commercial invoice; CNPJ/CPF (Brazilian tax id)');
    expect(en.DOCS_REQUIRED('Mexico')).toBe('commercial invoice; RFC (Mexican tax id)');
    expect(zh.DOCS_REQUIRED('RU')).toBe('商业发票；INN（俄罗斯税号）');
    for (const c of ['US', 'DE', 'ES', 'SA']) expect(en.DOCS_REQUIRED(c)).toBe('');
  });
  it('[X-DOCS] a user card can add a destination', () => {
    expect(en.DOCS_REQUIRED('ES', [['express.docs.ES', 'commercial invoice; NIF']])).toBe('commercial invoice; NIF');
  });
});

describe('[X-BLOCKED] sanctioned / embargoed destinations', () => {
  it('[X-BLOCKED] KP and SY in any spelling are blocked; others are not', () => {
    for (const c of ['KP', 'PRK', 'North Korea', '朝鲜', 'SY', 'Syria', '叙利亚', 'syr']) expect(en.DEST_BLOCKED(c)).toBe(true);
    for (const c of ['US', 'KR', 'Russia', 'IR']) expect(en.DEST_BLOCKED(c)).toBe(false);
  });
  it('[X-BLOCKED] the user adds Iran through the rates argument', () => {
    expect(en.DEST_BLOCKED('Iran', [['express.blocked', 'KP, SY, 伊朗']])).toBe(true);
    expect(en.DEST_BLOCKED('KP', [['express.blocked', 'KP, SY, 伊朗']])).toBe(true);
  });
});

describe('[X-ELIGIBLE] KA path: GMV ≥ $50,000 and fulfilment ≥ 95% in each of the last 3 months', () => {
  const col = (xs: unknown[]) => xs.map((x) => [x]);
  it('[X-ELIGIBLE] exactly at both thresholds for 3 months is TRUE', () => {
    expect(en.OFFLINE_ELIGIBLE(col([50000, 50000, 50000]), col([0.95, 0.95, 0.95]))).toBe(true);
    expect(en.OFFLINE_ELIGIBLE(col([50000, 50000, 50000]), col(['95%', '95%', '95%']))).toBe(true);
    expect(en.OFFLINE_ELIGIBLE(col(['50,000', '$60,000', 70000]), col([95, 96, 99]))).toBe(true);
  });
  it('[X-ELIGIBLE] one month $49,999.99 or 94.99% is FALSE', () => {
    expect(en.OFFLINE_ELIGIBLE(col([50000, 49999.99, 50000]), col([0.95, 0.95, 0.95]))).toBe(false);
    expect(en.OFFLINE_ELIGIBLE(col([50000, 50000, 50000]), col([0.95, 0.9499, 0.95]))).toBe(false);
  });
  it('[X-ELIGIBLE] only the last 3 months count; fewer than 3 is #VALUE!', () => {
    expect(en.OFFLINE_ELIGIBLE(col([10, 50000, 50000, 50000]), col([0.5, 0.95, 0.95, 0.95]))).toBe(true);
    expect(en.OFFLINE_ELIGIBLE(col([50000, 50000, 50000, 10]), col([0.95, 0.95, 0.95, 0.95]))).toBe(false);
    const r = en.OFFLINE_ELIGIBLE(col([50000, 50000]), col([0.95, 0.95]));
    expect(kindOf(r)).toBe('#VALUE!');
    expect(r.en).toMatch(/3 months/);
  });
  it('[X-ELIGIBLE] fulfilment rates read like any rate: "120%" and 120 are out of range, not 1.2%', () => {
    for (const bad of ['120%', 120, -0.1]) {
      const r = en.OFFLINE_ELIGIBLE(col([50000, 50000, 50000]), col([0.95, bad, 0.95]));
      expect(kindOf(r)).toBe('#VALUE!');
      expect(r.en).toMatch(/fulfilment_rate/);
    }
  });
});

describe('[X-NODES] negated and failed events do not count as the node', () => {
  const nodes = (e: string) => main.nodesOf(e);
  const cases: [string, string, string[]][] = [
    // [event, node it must NOT stand for, nodes it still stands for]
    ['Not delivered - recipient absent', 'delivered', []],
    ['未妥投', 'delivered', []],
    ['签收失败', 'delivered', []],
    ['拒绝签收', 'delivered', []],
    ['Refused by recipient, not delivered', 'delivered', []],
    ['Undelivered: address unknown', 'delivered', []],
    ['派送失败', 'delivered', ['out_for_delivery']],
    ['Delivery attempted', 'delivered', ['out_for_delivery']],
    ['Delivery attempted - recipient not available', 'delivered', ['out_for_delivery']],
    ['待揽收', 'picked_up', []],
    ['未揽收', 'picked_up', []],
    ['Awaiting pickup', 'picked_up', []],
    ['Pickup scheduled', 'picked_up', []],
    ['Not picked up', 'picked_up', []],
    ['Pickup failed', 'picked_up', []],
    ['进口清关失败', 'import_customs', []],
    ['Import customs clearance failed', 'import_customs', []],
    ['Import customs clearance - exception', 'import_customs', []],
    ['Pending import customs clearance', 'import_customs', []],
    ['出口报关失败', 'export_customs', []],
    ['待派送', 'out_for_delivery', []],
    ['Awaiting delivery', 'out_for_delivery', []],
    // the negation governs the node word: right before it, or a failure right after it
    ['Has not yet been delivered', 'delivered', []],
    ['无法签收', 'delivered', []],
    ['Delivered to sender', 'delivered', []],
    ['退件已签收', 'delivered', []],
    ['Pickup requested', 'picked_up', []],
    ['Held at import customs', 'import_customs', []],
    ['Import customs: held for inspection', 'import_customs', []],
    ['Failed export customs clearance', 'export_customs', []],
    ['进口清关异常', 'import_customs', []],
    ['揽收失败', 'picked_up', []],
  ];
  for (const [event, notNode, still] of cases) {
    it(`[X-NODES] "${event}" is not ${notNode}${still.length ? ` (still ${still.join(', ')})` : ''}`, () => {
      const got = nodes(event);
      expect(got).not.toContain(notNode);
      expect(got).toEqual(still);
    });
  }
  const positives: [string, string][] = [
    ['Delivered', 'delivered'], ['Delivered, signed by recipient', 'delivered'], ['已签收', 'delivered'], ['妥投', 'delivered'], ['已妥投，感谢使用，未见破损', 'delivered'],
    ['Picked up by carrier', 'picked_up'], ['已揽收', 'picked_up'], ['快件已揽收，等待运输', 'picked_up'], ['Picked up, delivery scheduled for Monday', 'picked_up'],
    ['Import customs clearance completed', 'import_customs'], ['进口清关完成', 'import_customs'], ['已出口报关', 'export_customs'], ['Export customs clearance', 'export_customs'],
    ['Out for delivery', 'out_for_delivery'], ['派送中', 'out_for_delivery'], ['Order placed', 'placed'], ['Label created, awaiting pickup', 'placed'],
  ];
  for (const [event, node] of positives) {
    it(`[X-NODES] "${event}" still counts as ${node}`, () => expect(nodes(event)).toContain(node));
  }
  // A negation or failure word elsewhere in the event is about something else: the node still counts.
  const notNegated: [string, string[]][] = [
    ['Delivered to parcel locker as requested by recipient', ['delivered']],
    ['Delivered on 2nd attempt', ['delivered']],
    ['Delivered - left with neighbour (not at home)', ['delivered']],
    ['Delivered as requested', ['delivered']],
    ['已签收（未见破损）', ['delivered']],
    ['出口清关完成（查验后放行）', ['export_customs']],
    ['出口海关查验放行', ['export_customs']],
    ['进口海关查验放行', ['import_customs']],
    ['目的国海关查验放行', ['import_customs']],
    ['Export customs inspection - released', ['export_customs']],
    ['Picked up after failed first attempt', ['picked_up']],
  ];
  for (const [event, want] of notNegated) {
    it(`[X-NODES] "${event}" is ${want.join(', ')}: the negation there does not govern the node word`, () => expect(nodes(event)).toEqual(want));
  }
  it('[X-NODES] 查验 (inspection) is no failure: "海关查验放行" is not negated (it names no side, so no customs node)', () => {
    expect(nodes('海关查验放行')).toEqual([]);
    expect(nodes('出口海关查验放行')).toEqual(['export_customs']);
  });
  it('[X-NODES] "Label created, awaiting pickup" is placed but not picked up', () => {
    expect(nodes('Label created, awaiting pickup')).toEqual(['placed']);
  });
  it('[X-NODES] NODES_MISSING: a trail whose only delivery event is negated lacks "delivered"', () => {
    const trail = ['Order placed', 'Picked up', 'Export customs', 'Departed from origin country', 'Import customs clearance', 'Out for delivery', 'Not delivered - recipient absent'];
    expect(en.NODES_MISSING(trail.map((e) => [e]))).toBe('missing: delivered (signed)');
    expect(en.NODES_MISSING([...trail, 'Delivered'].map((e) => [e]))).toBe('');
  });
});

describe('[X-NODES] a whole trail in one cell (the 物流轨迹 column of an export)', () => {
  const cell = '订单已创建\n已揽收\n已出口报关\n航班已起飞\n到达目的国转运中心\n进口清关完成\n派送中\n已签收';
  it('[X-NODES] splitTrail splits on line breaks (\\n, \\r\\n), "|", "；", ";" and " > ", dropping blanks', () => {
    expect(main.splitTrail(cell)).toHaveLength(8);
    expect(main.splitTrail('a\r\nb\rc\n\n  d  ')).toEqual(['a', 'b', 'c', 'd']);
    expect(main.splitTrail('Order placed | Picked up；Export customs; Import customs > Delivered')).toEqual(['Order placed', 'Picked up', 'Export customs', 'Import customs', 'Delivered']);
    expect(main.splitTrail('')).toEqual([]);
    expect(main.splitTrail('Picked up, in transit')).toEqual(['Picked up, in transit']);
  });
  it('[X-NODES] NODES_MISSING reads a multi-line cell as its events (the examples/orders.csv format)', () => {
    expect(en.NODES_MISSING(cell)).toBe('');
    expect(en.NODES_MISSING([[cell]])).toBe('');
    const short = '订单已创建\n已揽收\n已出口报关\n进口清关完成\n派送中\n已签收';
    expect(en.NODES_MISSING([[short]])).toBe('only 6 events (needs 7)');
    expect(en.NODES_MISSING([['订单已创建\n已揽收'], ['已出口报关\n航班已起飞'], ['进口清关完成'], ['派送中\n已签收']])).toBe('');
  });
  it('[X-NODES] one event: "only 1 event", singular', () => {
    expect(en.NODES_MISSING([['Delivered']])).toMatch(/^only 1 event \(needs 7\); missing: /);
    expect(en.NODES_MISSING([['Order placed'], ['Delivered']])).toMatch(/^only 2 events \(needs 7\)/);
  });
});

describe('[G-STATUS] statuses as sellers and ERPs write them', () => {
  const cases: [string, string][] = [
    ['等待中', 'PENDING'], ['待处理', 'PENDING'], ['处理中', 'PENDING'], ['pending', 'PENDING'], [' Pending ', 'PENDING'], ['ＰＥＮＤＩＮＧ', 'PENDING'],
    ['失败', 'FAILED'], ['已失败', 'FAILED'], ['发货失败', 'FAILED'], ['Failed - stock', 'FAILED'], ['FAILED: label not on gift channel', 'FAILED'], ['failure', 'FAILED'],
    ['ERR-407: packaging not registered', 'ERR-407'], ['ERR-407 包装未备案', 'ERR-407'], ['ｅｒｒ－４０７', 'ERR-407'], ['err_407', 'ERR-407'], ['Failed (ERR-211)', 'ERR-211'],
  ];
  for (const [raw, code] of cases) {
    it(`[G-STATUS] ${JSON.stringify(raw)} → ${code}`, () => {
      expect(main.findStatus(raw)?.code).toBe(code);
      expect(en.SG_STATUS(raw)).toMatch(code === 'PENDING' ? /Waiting/ : code === 'FAILED' ? /gift-only warehouse/ : new RegExp(code));
    });
  }
  it('[G-STATUS] isFailureStatus: FAILED and every ERR-ddd code (known or not) are failures; PENDING and other text are not', () => {
    for (const x of ['FAILED', '失败', 'Failed - stock', 'ERR-407', 'ERR-211', 'ERR-999', 'err 123: something', '407']) expect(main.isFailureStatus(x), x).toBe(true);
    for (const x of ['PENDING', '等待中', '已发货', '', 'shipped', 'no failure', 12 as unknown as string, null as unknown as string]) expect(main.isFailureStatus(x), String(x)).toBe(false);
  });
  it('[G-STATUS] SG_STATUS of an unknown ERR code: #N/A saying it is an unknown error code, treated as a failure', () => {
    const r = en.SG_STATUS('ERR-512: something new');
    expect(kindOf(r)).toBe('#N/A');
    expect(r.en).toMatch(/ERR-512 is not a Small-Gift error code/);
    expect(r.en).toMatch(/treated as a failure/);
    expect(r.zh).toMatch(/按失败处理/);
    expect(kindOf(en.SG_STATUS('已发货'))).toBe('#N/A');
  });
});

describe('[G-STATUS] fix texts quote the rate card in force, not fixed numbers', () => {
  it('[G-STATUS] [G-CONFIRM] [G-LABEL] [G-COD] built-in card: 48 hours, SG, 3 failures, EG, PK', () => {
    expect(en.SG_STATUS('PENDING')).toMatch(/within 48 hours/);
    expect(zh.SG_STATUS('PENDING')).toMatch(/48 小时/);
    expect(en.SG_STATUS('FAILED')).toMatch(/starts with SG\). 3 failures in a row freeze/);
    expect(en.SG_STATUS('ERR-211')).toMatch(/\(EG, PK\)/);
  });
  it('[G-STATUS] a what-if card changes every quoted number', () => {
    const card = [['gift.confirmHours', 72], ['gift.labelPrefix', 'GX'], ['gift.freezeAfterFailures', 5], ['gift.codCountries', 'EG, PK, 摩洛哥']];
    expect(en.SG_STATUS('PENDING', '', card)).toMatch(/within 72 hours/);
    expect(en.SG_STATUS('PENDING', '', card)).not.toMatch(/48/);
    const failed: string = en.SG_STATUS('FAILED', 'en', card);
    expect(failed).toMatch(/starts with GX\)/);
    expect(failed).toMatch(/5 failures in a row/);
    expect(zh.SG_STATUS('FAILED', '', card)).toMatch(/GX 开头.*连续 5 次失败/);
    expect(en.SG_STATUS('ERR-211', '', card)).toMatch(/\(EG, PK, MA\)/);
    expect(en.SG_STATUS('FAILED', '', [['gift.freezeAfterFailures', 1]])).toMatch(/A single failure freezes/);
    expect(en.SG_STATUS('ERR-211', '', [['gift.codCountries', '']])).not.toMatch(/cash-on-delivery/);
  });
  it('[G-STATUS] findStatus with a card builds the texts from it; without, from the newest built-in card', () => {
    const c = main.cardFromTable([['gift.confirmHours', 24]]);
    expect(main.findStatus('pending', c as any)!.fix.en).toMatch(/within 24 hours/);
    expect(main.findStatus('pending')!.fix.en).toMatch(/within 48 hours/);
  });
});

describe('[G-ELIGIBLE] how a bare dispute rate was read', () => {
  it('[G-ELIGIBLE] a bare 0.5 is 50% and WHY says so, with how to type half a percent', () => {
    const w: string = en.SG_ELIGIBLE_WHY('L3', 0.95, 0.5, true);
    expect(w).toMatch(/^30-day dispute rate 50% \(0\.5 read as 50%; type 0\.5% for 0\.5 percent\) is above 0\.5%/);
    expect(en.SG_ELIGIBLE_WHY('L3', 0.95, '0.5', true)).toMatch(/\(0\.5 read as 50%/);
    expect(zh.SG_ELIGIBLE_WHY('L3', 0.95, 0.5, true)).toMatch(/0\.5 按 50% 理解.*0\.5%/);
    expect(en.SG_ELIGIBLE('L3', 0.95, 0.5, true)).toBe(false);
  });
  it('[G-ELIGIBLE] no note when the cell said "%", when the number was above 1, or for a plausible fraction (a percent cell 0.8% arrives as 0.008)', () => {
    expect(en.SG_ELIGIBLE_WHY('L3', 0.95, '50%', true)).not.toMatch(/read as/);
    expect(en.SG_ELIGIBLE_WHY('L3', 0.95, 2, true)).not.toMatch(/read as/);
    expect(en.SG_ELIGIBLE_WHY('L3', 0.95, 0.008, true)).toMatch(/^30-day dispute rate 0\.8% is above 0\.5%/);
    expect(en.SG_ELIGIBLE_WHY('L3', 0.95, 0.004, true)).toBe('');
  });
  it('[G-ELIGIBLE] in a range each cell gets its own reading', () => {
    const r = en.SG_ELIGIBLE_WHY('L3', 0.95, [[0.5], ['50%'], [0.004]], true);
    expect(r[0][0]).toMatch(/read as 50%/);
    expect(r[1][0]).not.toMatch(/read as/);
    expect(r[2][0]).toBe('');
  });
});

describe('[G-OVERWEIGHT] [G-NFE] SG_FEE inputs as typed', () => {
  it('[G-OVERWEIGHT] weight with a gram unit: "50 g", "50克", "51 grams", "５１ｇ"', () => {
    expect(en.SG_FEE('US', '50 g')).toBe(3.2);
    expect(en.SG_FEE('US', '50克')).toBe(3.2);
    expect(en.SG_FEE('US', '51 grams')).toBe(4);
    expect(en.SG_FEE('US', '５１ｇ')).toBe(4);
    expect(main.toGrams('50g')).toBe(50);
  });
  it('[G-OVERWEIGHT] kg and other units are #VALUE! asking for grams, never converted', () => {
    for (const w of ['0.05 kg', '0.05kg', '0.1千克', '1公斤', '2 oz', '1 lb']) {
      const r = en.SG_FEE('US', w);
      expect(kindOf(r), w).toBe('#VALUE!');
      expect(r.en).toMatch(/weight_g: must be in grams/);
      expect(r.zh).toMatch(/克/);
    }
  });
  it('[G-NFE] has_nfe may be the NFe number itself (TRUE), or N/A / 无 / - (FALSE)', () => {
    const withNfe = 2.6; // emerging base, no NFe surcharge
    const withoutNfe = 4.1; // 2.60 + 1.50
    for (const x of ['35240612345678000190550010000012341000012345', 12345678, 'NFe 123', true, '是']) expect(en.SG_FEE('BR', 30, x), String(x)).toBe(withNfe);
    for (const x of [false, '否', 'N/A', '无', '-', 'none', '', null]) expect(en.SG_FEE('BR', 30, x), String(x)).toBe(withoutNfe);
    expect(main.toPresent('12345')).toBe(true);
    expect(kindOf(main.toPresent({}))).toBe('#VALUE!');
  });
});
