/**
 * [X-FORMAT] Carrier names as real AliExpress / ERP exports write them (logistics SERVICE names, not
 * bare carrier names) resolve to the carrier whose brand they carry: exact aliases first, then a
 * brand token inside the name (English on token edges, Chinese anywhere), a brand above a generic
 * word, the longest alias first.
 */
import { describe, expect, it } from 'vitest';
import { checkTracking, isValidTrackingCell, resolveCarrier } from '../../core/tracking';

const EXPORT_NAMES: [string, string][] = [
  ['菜鸟无忧物流-标准', 'cainiao'],
  ['菜鸟无忧物流-简易', 'cainiao'],
  ['燕文航空挂号小包', 'yanwen'],
  ['YunExpress Global Direct line', 'yunexpress'],
  ['云途全球专线挂号', 'yunexpress'],
  ['UPS Expedited', 'ups'],
  ['UPS Express Saver', 'ups'],
  ['DHL_ES', 'dhl'],
  ['DHL-ES', 'dhl'],
  ['4PX Singapore Post', 'singpost'],
  ['4PX Express Registered', 'fourpx'],
  ['Cainiao Super Economy', 'cainiao'],
  ['Cainiao Super Economy Global', 'cainiao'],
  ['AliExpress Standard Shipping', 'cainiao'],
  ['AliExpress Standard Shipping (US)', 'cainiao'],
  ['China Post Registered Air Mail', 'china_post'],
  ['China Post Ordinary Small Packet Plus', 'china_post'],
  ['EMS', 'ems'],
  ['China Post EMS', 'ems'],
  ['e邮宝', 'china_post'],
  ['国际e邮宝', 'china_post'],
  ['ePacket', 'china_post'],
  ['ePacket (e邮宝)', 'china_post'],
  ['FedEx IP', 'fedex'],
  ['FedEx International Priority', 'fedex'],
  ['顺丰国际小包', 'sf'],
  ['俄罗斯邮政挂号小包', 'russian_post'],
  ['DHL电商小包', 'dhl_ecommerce'],
  ['DHL eCommerce Packet Plus', 'dhl_ecommerce'],
];

describe('resolveCarrier: service names of real exports [X-FORMAT]', () => {
  for (const [name, id] of EXPORT_NAMES) {
    it(`[X-FORMAT] ${JSON.stringify(name)} → ${id}`, () => {
      expect(resolveCarrier(name)).toBe(id);
    });
  }

  it('[X-FORMAT] a generic word alone still names the UPU fallback; a brand in the same name wins', () => {
    expect(resolveCarrier('挂号小包')).toBe('upu');
    expect(resolveCarrier('Registered Air Mail')).toBe('upu');
    expect(resolveCarrier('燕文挂号小包')).toBe('yanwen');
  });

  it('[X-FORMAT] an English alias matches on token edges only: no carrier inside another word', () => {
    expect(resolveCarrier('USPS Priority')).toBe('usps'); // not UPS inside USPS
    expect(resolveCarrier('Systems Logistics')).toBeUndefined(); // not EMS inside "systems"
    expect(resolveCarrier('Transfer Line')).toBeUndefined(); // not SF inside "transfer"
    expect(resolveCarrier('Acme Freight')).toBeUndefined();
    expect(resolveCarrier('')).toBeUndefined();
  });

  it('[X-FORMAT] the resolved carrier checks the number: TRACK_VALID and the reason agree', () => {
    expect(isValidTrackingCell('DHL_ES', '3318810025')).toBe(true);
    expect(isValidTrackingCell('DHL_ES', '3318 810025')).toBe(false);
    expect(checkTracking('UPS Expedited', '1Z5R89390357567127').valid).toBe(true);
    expect(checkTracking('China Post Registered Air Mail', 'RB123456785CN').code).toBe('VALID_CHECKSUM');
    expect(checkTracking('4PX Singapore Post', 'RB123456785SG').valid).toBe(true);
    expect(checkTracking('菜鸟无忧物流-标准', 'LP00068434402473').valid).toBe(true);
    expect(checkTracking('Acme Freight', 'LP00068434402473').code).toBe('UNSUPPORTED_CARRIER');
  });
});

describe('[X-FORMAT] carrier names: each listed once', () => {
  // The id, both labels and `main` are names of a carrier without being listed in `aliases`.
  it('no alias repeats the id, a label, the main name or another alias (compared as the lookup compares)', async () => {
    const { TRACKING_CARRIER_DATA, carrierAliasKey } = await import('../../core/tracking');
    const repeats: string[] = [];
    for (const c of TRACKING_CARRIER_DATA as readonly { id: string; label: { en: string; zh: string }; main?: string; aliases: readonly string[] }[]) {
      const seen = new Set([c.id, c.label.en, c.label.zh, c.main ?? ''].filter(Boolean).map(carrierAliasKey));
      for (const a of c.aliases) {
        const k = carrierAliasKey(a);
        if (seen.has(k)) repeats.push(`${c.id}: ${a}`);
        seen.add(k);
      }
    }
    expect(repeats).toEqual([]);
  });

  it('the names the table derives resolve: labels, main names, spacing and case variants', () => {
    const names: [string, string][] = [
      ['DHL', 'dhl'], ['DHL Express', 'dhl'], ['DHL 快递', 'dhl'], ['DHL快递', 'dhl'], ['dhl e-commerce', 'dhl_ecommerce'],
      ['Fed Ex', 'fedex'], ['U.S. Postal Service', 'usps'], ['ChinaPost', 'china_post'], ['E邮宝', 'china_post'], ['e-Packet', 'china_post'],
      ['Royal Mail', 'royal_mail'], ['英国皇家邮政', 'royal_mail'], ['Hong Kong Post', 'hongkong_post'], ['Yan Wen', 'yanwen'], ['Yun Tu', 'yunexpress'],
      ['Four PX', 'fourpx'], ['S.F. Express', 'sf'], ['顺丰', 'sf'], ['On Trac', 'ontrac'], ['Purolator', 'purolator'], ['UPU S10', 'upu'],
    ];
    for (const [name, id] of names) expect(resolveCarrier(name), name).toBe(id);
  });
});
