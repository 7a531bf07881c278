/**
 * UPU S10 lookups (CARRIERS.md "UPU S10", "S10 service-indicator letters"). The country list is the
 * 191 member codes of the public data set's s10.json "Courier" lookup: the 2-letter suffix must be one
 * of them (its `additional.exists` rule), so RB123456785XX fails although its check digit is right.
 */
import { L, type Localized } from '../text';

export const UPU_COUNTRIES: ReadonlySet<string> = new Set(
  (
    'AF AL DZ AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI KH CM CA CV CF TD CL CN HK ' +
    'CO KM CG CR HR CU CY CZ CI KP CD DK DJ DM DO EC EG SV GQ ER EE ET FJ FI FR GA GM GE DE GH GB GR GD GT GN GW GY ' +
    'HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KR KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MR MU ' +
    'MX MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG NO OM PK PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA ' +
    'SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SZ SE CH SY TJ TZ TH MK TL TG TO TT TN TR TM TV UG UA AE US UY UZ ' +
    'VU VA VE VN YE ZM ZW'
  ).split(' '),
);

/** J* and K* service indicators are reserved by the standard and never issued. */
export const isReservedService = (service: string): boolean => service[0] === 'J' || service[0] === 'K';

/** The service class of an S10 number, for information only (never a reason to reject). */
export function s10Service(service: string): Localized | undefined {
  const a = service[0];
  const b = service[1] ?? '';
  if (a === 'E') return L('EMS', '特快专递 EMS');
  if (a === 'R') return L('registered letter post', '挂号函件');
  if (a === 'L') return L('letter post express', '函件快递');
  if (a === 'C') return L('parcel post', '包裹');
  if (a === 'H') return L('e-commerce parcel', '电商包裹');
  if (a === 'U') return L('letter post under customs', '需报关的函件');
  if (a === 'V') return L('insured letter post', '保价函件');
  if (a === 'M') return L('M-bag', 'M 袋');
  if (a === 'Q' && b <= 'M') return L('IBRS', '国际商业回邮');
  if ('BDGNPZ'.includes(a) || (a === 'A' && b >= 'V')) return L('domestic / bilateral', '国内或双边');
  return undefined;
}
