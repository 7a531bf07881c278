/**
 * Every example number of CARRIERS.md (and the public data set test numbers it cites) gives the
 * documented answer [X-FORMAT]. Format-level facts go through checkFormat; platform-level answers
 * through checkTracking (the TRACK_VALID / TRACK_WHY core).
 */
import { describe, expect, it } from 'vitest';
import {
  checkFormat,
  checkTracking,
  cleanTracking,
  detectCarriers,
  resolveCarrier,
  mainCarrierNames,
  trackingTable,
  compileCarrierTable,
  TRACKING_FORMAT_DATA,
  TRACKING_CARRIER_DATA,
} from '../../core/tracking';

/** format id → [valid numbers, invalid numbers] (spaces in the published numbers removed). */
const FORMAT_EXAMPLES: Record<string, [string[], string[]]> = {
  dhl_express: [
    ['3318810025', '73891051146', '8487135506', '1099255990', '3821724944', '3318810036', '3318810014'],
    ['3318810010', '3318810034', '3318810011'],
  ],
  dhl_piece_id: [['JJD0099999999', 'JVGL0999999990'], ['XJD0099999998']],
  dhl_ecommerce: [['GM2951173225174494', 'GM9E44608A27984866BA2D', 'GM295117494011169042'], ['GS295117494011169041', 'GR295117494011169045']],
  fedex_12: [['986578788855', '477179081230', '799531274483', '790535312317', '974367662710'], ['996578788855']],
  fedex_34: [
    ['1001921334250001000300779017972697', '1001921380360001000300639585804382', '1001901781990001000300617767839437', '1002297871540001000300790695517286'],
    ['1001901781990001000300617767839438'],
  ],
  fedex_ground_15: [['041441760228964', '568283610012000', '568283610012734'], ['568283610012732']],
  fedex_sscc18: [['000123450000000027'], ['000000000000000001']],
  fedex_ground_96: [['9611020987654312345672'], ['9600000000000000000001']],
  fedex_ground_gsn: [
    ['9622001900000000000000776632517510', '9622001560000000000000794808390594', '9622001560001234567100794808390594', '9632001560123456789900794808390594'],
    ['9622001560001234567100794808390595', '9622001560001234567100794808390597'],
  ],
  ups_1z: [
    ['1Z5R89390357567127', '1Z879E930346834440', '1Z410E7W0392751591', '1Z8V92A70367203024', '1ZXX3150YW44070023'],
    ['2Z5R89390357567127', '1A5R89390357567127', '1Z1111111111111111'],
  ],
  ups_waybill: [['K1506235620', 'K2479825491', 'J4603636537', 'V0490119172', 'V0431105627'], ['K1506235622', 'K2479825492', 'J4603636538', 'V0411335627', 'V0423305841']],
  s10: [
    ['RB123456785GB', 'RB123456785US', 'RB123456785CV', 'RB123456785CF', 'RB123456785CN', 'CP337500215CN', 'RX123456785CN', 'LX123456785CN'],
    ['RB123456786US', 'RB123456785XX', 'BZ012761245CN', 'JA123456785CN', 'KA123456785CN'],
  ],
  usps_20: [['03071790000523483741', '71123456789123456787'], ['03071790000523483742']],
  usps_34v2: [['4201002334249200190132607600833457', '4201028200009261290113185417468510'], ['4201028200009261290113185417468511']],
  usps_impb: [
    ['420221539101026837331000039521', '71969010756003077385', '9505511069605048600624', '9101123456789000000013', '92748931507708513018050063', '9400111201080805483016', '9361289878700317633795', '9405803699300124287899'],
    ['61299998820821171811', '9200000000000000000000', '420000000000000000000000000000', '420000009200000000000000000000'],
  ],
  ontrac_c: [['C11031500001879', 'C10999911320231', 'C11121552953069', 'C11121553156000', 'C11121552829468'], ['C10000000000000', 'C11031500001889']],
  ontrac_d: [['D10011354453707', 'D10011345983010', 'D10011342332145'], ['D10011345983012', 'D10011342332144']],
  purolator_12: [['320595463938', '320606146993', '287809468872', '320610804900', '331426749957', '331434972567'], ['320595463939', '287809468875']],
  old_dominion: [['07209562763', '77767553207', '77806528897'], ['07209562773', '79927398713', '10000000000']],
  old_dominion_gs: [['80003280379', '80993847369'], ['80003280389', '10000000000']],
  canada_post_16: [['0073938000549297'], ['0073938000549292']],
  dpd_28: [['008182709980000020033350276C', '0081827099800000200453272 76N'.replace(/ /g, '')], ['008182709980000020033350276A']],
  yunexpress: [['YT2229521272164446'], ['YT222952127216444', 'YT22295212721644461']],
  cainiao_lp: [['LP00068434402473'], ['LP0006843440247']],
  cainiao_23: [['63590000017347601815002'], []],
  yanwen_s10: [['AC550032883YN'], ['AC550032884YN']],
};

describe('[X-FORMAT] CARRIERS.md example numbers, format by format', () => {
  for (const [format, [valid, invalid]] of Object.entries(FORMAT_EXAMPLES)) {
    for (const n of valid) {
      it(`${format}: ${n} is valid`, () => {
        const r = checkFormat(format, n);
        expect(r?.reason.en).toBe('');
        expect(r?.valid).toBe(true);
      });
    }
    for (const n of invalid) {
      it(`${format}: ${n} is invalid`, () => expect(checkFormat(format, n)?.valid).toBe(false));
    }
  }
  it('BZ012761245CN fails S10 with expected check digit 2 (CARRIERS.md China Post)', () => {
    const r = checkTracking('China Post', 'BZ012761245CN');
    expect(r.code).toBe('BAD_CHECK_DIGIT');
    expect(r.reason.en).toMatch(/expected 2/);
    expect(r.reason.zh).toMatch(/应为 2/);
  });
  it('S10 worked example: serial 47312482 gives check digit 9', () => {
    expect(checkFormat('s10', 'RR473124829GB')?.valid).toBe(true);
    expect(checkFormat('s10', 'RR473124828GB')?.reason.en).toMatch(/expected 9/);
  });
});

describe('[X-FORMAT] FUNCTIONS.md examples through checkTracking', () => {
  it('DHL 3318810025 is valid (mod 7)', () => {
    const r = checkTracking('DHL', '3318810025');
    expect(r).toMatchObject({ valid: true, code: 'VALID_CHECKSUM', carrier: 'dhl', format: 'dhl_express' });
    expect(r.reason.en).toBe('');
    expect(r.reason.zh).toBe('');
  });
  it('DHL "3318 810025" is invalid as typed, the reason mentions the space, TRACK_CLEAN fixes it', () => {
    const r = checkTracking('DHL', '3318 810025');
    expect(r.valid).toBe(false);
    expect(r.code).toBe('BAD_CHARACTER');
    expect(r.reason.en).toMatch(/DHL wants exactly 10 digits; this has 11 characters including a space at position 5/);
    expect(r.reason.en).toContain('"3318810025"');
    expect(r.reason.zh).toMatch(/空格/);
    expect(r.reason.zh).toMatch(/第 5 位/);
    expect(cleanTracking('3318 810025')).toBe('3318810025');
    expect(checkTracking('DHL', cleanTracking('3318 810025')).valid).toBe(true);
  });
  it('China Post RB123456785CN is valid (S10)', () => {
    expect(checkTracking('China Post', 'RB123456785CN')).toMatchObject({ valid: true, code: 'VALID_CHECKSUM', carrier: 'china_post', format: 's10' });
  });
});

describe('[X-FORMAT] platform rule: DHL is exactly 10 digits', () => {
  it('the 11-digit DHL Express waybill 73891051146 passes its check digit but not the platform rule', () => {
    expect(checkFormat('dhl_express', '73891051146')?.valid).toBe(true);
    const r = checkTracking('DHL', '73891051146');
    expect(r.code).toBe('WRONG_LENGTH');
    expect(r.reason.en).toMatch(/exactly 10 digits; this has 11/);
  });
  it('a DHL piece ID is not the waybill number', () => {
    const r = checkTracking('DHL', 'JJD0099999999');
    expect(r.valid).toBe(false);
    expect(r.reason.en).toMatch(/piece ID/);
  });
  it('DHL with a letter in 10 characters says where', () => {
    const r = checkTracking('dhl', '33188A0025');
    expect(r.code).toBe('WRONG_FORMAT');
    expect(r.reason.en).toMatch(/letter A at position 6/);
  });
  it('DHL bad check digit: 3318810010 expected 4 (serial 331881001 mod 7), 3318810028 expected 5', () => {
    const r = checkTracking('DHL', '3318810010');
    expect(r.code).toBe('BAD_CHECK_DIGIT');
    expect(r.reason.en).toMatch(/check digit is 0, expected 4/);
    expect(checkTracking('DHL', '3318810028').reason.en).toMatch(/expected 5/);
  });
});

describe('[X-FORMAT] reasons by code', () => {
  it('UNKNOWN_COUNTRY for an S10 with suffix XX', () => {
    const r = checkTracking('UPU', 'RB123456785XX');
    expect(r.code).toBe('UNKNOWN_COUNTRY');
    expect(r.reason.en).toMatch(/XX are not the code of a UPU member/);
    expect(r.reason.zh).toMatch(/XX/);
  });
  it('RESERVED_SERVICE for J*/K* S10 service letters', () => {
    expect(checkTracking('S10', 'JA123456785CN').code).toBe('RESERVED_SERVICE');
    expect(checkTracking('China Post', 'KZ123456785CN').reason.en).toMatch(/reserved/);
  });
  it('China Post wants CN: a valid US S10 names the country', () => {
    const r = checkTracking('中国邮政', 'RB123456785US');
    expect(r.code).toBe('WRONG_FORMAT');
    expect(r.reason.en).toMatch(/end in CN/);
    expect(r.reason.en).toMatch(/United States/);
    expect(checkTracking('UPU', 'RB123456785US').valid).toBe(true);
    expect(checkTracking('USPS', 'RB123456785US').valid).toBe(true);
  });
  it('EMS wants an E… service letter on a CN S10', () => {
    expect(checkTracking('EMS', 'EA123456785CN').valid).toBe(true);
    expect(checkTracking('EMS', 'RB123456785CN').reason.en).toMatch(/start with E/);
  });
  it('WRONG_LENGTH names the carrier lengths', () => {
    const r = checkTracking('China Post', 'RB12345678CN');
    expect(r.code).toBe('WRONG_LENGTH');
    expect(r.reason.en).toMatch(/13 characters; this has 12/);
    expect(r.reason.zh).toMatch(/13 位；此单号为 12 位/);
  });
  it('WRONG_FORMAT shows the expected shape', () => {
    const r = checkTracking('YunExpress', 'YX2229521272164446');
    expect(r.code).toBe('WRONG_FORMAT');
    expect(r.reason.en).toMatch(/YT \+ 16 digits/);
  });
  it('BAD_CHARACTER: dash, lower case, full-width, emoji, each with a position', () => {
    expect(checkTracking('UPS', '1Z5R-89390357567127').reason.en).toMatch(/a dash "-" at position 5/);
    expect(checkTracking('China Post', 'rb123456785CN').reason.en).toMatch(/lower-case letter "r" at position 1/);
    expect(checkTracking('China Post', 'ＲB123456785CN').reason.en).toMatch(/full-width character "Ｒ" at position 1/);
    const e = checkTracking('China Post', 'RB😀123456785CN');
    expect(e.code).toBe('BAD_CHARACTER');
    expect(e.reason.en).toMatch(/"😀" at position 3/);
  });
  it('UNSUPPORTED_CARRIER lists the carriers in both languages', () => {
    const r = checkTracking('Pony Express', 'RB123456785CN');
    expect(r).toMatchObject({ valid: false, code: 'UNSUPPORTED_CARRIER', carrier: undefined });
    expect(r.reason.en).toMatch(/unsupported carrier "Pony Express"/);
    expect(r.reason.zh).toMatch(/不支持的承运商/);
  });
  it('EMPTY for "" and whitespace', () => {
    expect(checkTracking('DHL', '').code).toBe('EMPTY');
    expect(checkTracking('DHL', '   ').code).toBe('EMPTY');
  });
});

describe('[X-FORMAT] carriers without a public check digit', () => {
  it('YunExpress YT2229521272164446 is VALID_FORMAT_ONLY (valid TRUE, reason empty, note says format only)', () => {
    const r = checkTracking('云途', 'YT2229521272164446');
    expect(r).toMatchObject({ valid: true, code: 'VALID_FORMAT_ONLY', carrier: 'yunexpress' });
    expect(r.reason.en).toBe('');
    expect(r.note?.en).toMatch(/format only/);
  });
  it('YTO Express YT + 13 digits is not YunExpress', () => {
    expect(checkTracking('YunExpress', 'YT2229521272164').code).toBe('WRONG_LENGTH');
  });
  it('Cainiao LP00068434402473 and any valid S10 last-mile number; AliExpress Standard is Cainiao', () => {
    expect(checkTracking('Cainiao', 'LP00068434402473').code).toBe('VALID_FORMAT_ONLY');
    expect(checkTracking('AliExpress Standard', 'RB123456785GB').code).toBe('VALID_CHECKSUM');
    expect(checkTracking('菜鸟', 'RB123456786GB').code).toBe('BAD_CHECK_DIGIT');
  });
  it('Yanwen AC550032883YN (S10 arithmetic, non-ISO suffix) and partner S10 / LP numbers', () => {
    expect(checkTracking('Yanwen', 'AC550032883YN').code).toBe('VALID_CHECKSUM');
    expect(checkTracking('燕文', 'AC550032884YN').code).toBe('BAD_CHECK_DIGIT');
    expect(checkTracking('Yanwen', 'RB123456785NL').valid).toBe(true);
    expect(checkTracking('Yanwen', 'LP00068434402473').valid).toBe(true);
  });
  it('4PX, SF Express are format only', () => {
    expect(checkTracking('4PX', '4PX3000123456789CN').code).toBe('VALID_FORMAT_ONLY');
    expect(checkTracking('递四方', '4PX30001').code).toBe('WRONG_LENGTH');
    expect(checkTracking('顺丰', 'SF1234567890123').code).toBe('VALID_FORMAT_ONLY');
    expect(checkTracking('SF Express', 'SF123456789012').code).toBe('WRONG_LENGTH');
  });
  it('JCEX: format not checkable, said so, not valid (we do not guess)', () => {
    const r = checkTracking('JCEX', 'JC1234567890');
    expect(r).toMatchObject({ valid: false, code: 'NOT_CHECKABLE', carrier: 'jcex' });
    expect(r.reason.en).toMatch(/cannot be checked/);
    expect(r.reason.zh).toMatch(/无法校验/);
    expect(checkTracking('佳成', 'JC 123').code).toBe('BAD_CHARACTER');
  });
});

describe('carrier names (any case, English and Chinese)', () => {
  const cases: [string, string][] = [
    ['DHL', 'dhl'], ['dhl express', 'dhl'], ['敦豪', 'dhl'], ['DHL eCommerce', 'dhl_ecommerce'], ['fedex', 'fedex'], ['联邦快递', 'fedex'],
    ['UPS', 'ups'], ['usps', 'usps'], ['S10', 'upu'], ['upu', 'upu'], ['China Post', 'china_post'], ['中国邮政', 'china_post'], ['邮政', 'china_post'],
    ['EMS', 'ems'], ['ems', 'ems'], ['Cainiao', 'cainiao'], ['AliExpress Standard Shipping', 'cainiao'], ['菜鸟', 'cainiao'], ['Yanwen', 'yanwen'],
    ['燕文', 'yanwen'], ['YunExpress', 'yunexpress'], ['云途', 'yunexpress'], ['4px', 'fourpx'], ['递四方', 'fourpx'], ['SF Express', 'sf'],
    ['顺丰', 'sf'], ['JCEX', 'jcex'], ['佳成', 'jcex'], ['Royal Mail', 'royal_mail'], ['ＤＨＬ', 'dhl'], ['  China-Post ', 'china_post'],
  ];
  for (const [name, id] of cases) it(`${name} → ${id}`, () => expect(resolveCarrier(name)).toBe(id));
  it('unknown names resolve to undefined', () => {
    expect(resolveCarrier('Pony Express')).toBeUndefined();
    expect(resolveCarrier('')).toBeUndefined();
  });
  it('main carrier names for the Excel list', () => {
    expect(mainCarrierNames()).toEqual(expect.arrayContaining(['DHL', 'FedEx', 'UPS', 'USPS', 'China Post', 'EMS', 'Cainiao', 'Yanwen', 'YunExpress', '4PX', 'SF Express', 'JCEX']));
    for (const n of mainCarrierNames()) expect(resolveCarrier(n)).toBeDefined();
  });
});

describe('TRACK_CARRIER detection order', () => {
  const ids = (n: string) => detectCarriers(n).map((d) => d.carrier);
  it('…CN: S10 (China Post) above DHL eCommerce', () => {
    expect(ids('RX123456785CN')).toEqual(['china_post', 'dhl_ecommerce']);
    expect(ids('LX123456785CN').slice(0, 2)).toEqual(['china_post', 'dhl_ecommerce']);
  });
  it('E…CN: China EMS first', () => expect(ids('EA123456785CN')[0]).toBe('ems'));
  it('a 10-digit mod-7 number is DHL; a UPS 1Z is UPS; a US S10 is USPS; an unknown-post S10 falls back to UPU', () => {
    expect(ids('3318810025')).toEqual(['dhl']);
    expect(ids('1Z5R89390357567127')).toEqual(['ups']);
    expect(ids('RB123456785US')).toEqual(['usps']);
    expect(detectCarriers('RB123456785CV')[0]).toMatchObject({ carrier: 'upu', checksum: true });
    expect(detectCarriers('RB123456785CV')[0].label.en).toMatch(/Cape Verde|Cabo Verde/);
  });
  it('passing check digit above bare pattern: a 12-digit FedEx number lists FedEx before SF legacy', () => {
    const d = ids('986578788855');
    expect(d[0]).toBe('fedex');
    expect(d).toContain('sf');
    expect(d.indexOf('fedex')).toBeLessThan(d.indexOf('sf'));
  });
  it('China-side formats: LP → Cainiao, YT → YunExpress, AC…YN → Yanwen', () => {
    expect(ids('LP00068434402473')).toEqual(['cainiao']);
    expect(ids('YT2229521272164446')).toEqual(['yunexpress']);
    expect(ids('AC550032883YN')).toEqual(['yanwen']);
  });
  it('detection cleans first, and gives [] for nothing', () => {
    expect(ids('3318 810025')).toEqual(['dhl']);
    expect(ids('hello')).toEqual([]);
    expect(ids('')).toEqual([]);
  });
});

describe('carrier table as data (zod/mini at load)', () => {
  it('the built-in table compiles', () => expect(trackingTable().formats.size).toBe(TRACKING_FORMAT_DATA.length));
  it('an unknown checksum name fails closed at load', () => {
    const bad = [{ ...TRACKING_FORMAT_DATA[0], checksum: { name: 'mod11' } }];
    expect(() => compileCarrierTable(bad, [])).toThrow();
  });
  it('a carrier naming an unknown format, or two carriers sharing an alias, is rejected', () => {
    expect(() => compileCarrierTable(TRACKING_FORMAT_DATA, [{ id: 'x', label: { en: 'X', zh: 'X' }, aliases: ['X'], formats: [{ format: 'nope' }] }])).toThrow(/unknown format/);
    expect(() => compileCarrierTable(TRACKING_FORMAT_DATA, [...TRACKING_CARRIER_DATA, { id: 'x', label: { en: 'X2', zh: 'X2' }, aliases: ['DHL'], formats: [] }])).toThrow(/alias/);
  });
  it('every example length lies inside its format length range', () => {
    const t = trackingTable();
    for (const [format, [valid]] of Object.entries(FORMAT_EXAMPLES)) {
      const f = t.formats.get(format)!;
      for (const n of valid) {
        expect(n.length).toBeGreaterThanOrEqual(f.min);
        expect(n.length).toBeLessThanOrEqual(f.max);
      }
    }
  });
});

describe('compiled patterns: numbered groups read the same parts as the named ones', () => {
  it('for every example of every format', () => {
    const t = trackingTable();
    for (const [format, [valid, invalid]] of Object.entries(FORMAT_EXAMPLES)) {
      const f = t.formats.get(format)!;
      for (const n of [...valid, ...invalid]) {
        const named = f.re.exec(n);
        const numbered = f.reN.exec(n);
        expect(Boolean(numbered)).toBe(Boolean(named));
        if (!named || !numbered) continue;
        for (const k of ['serial', 'cd', 'service', 'country', 'container'] as const) {
          expect(f.idx[k] ? numbered[f.idx[k]] : undefined).toBe(named.groups?.[k]);
        }
      }
    }
  });
});
