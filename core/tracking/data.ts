/**
 * The carrier table AS DATA (CARRIERS.md "Recommendations" 1): one entry per number format, then one
 * entry per carrier saying which formats it accepts. Validated with zod/mini and compiled once in
 * table.ts. Patterns are written for the number as typed after cleaning (capital letters and digits
 * only), unanchored here; table.ts anchors them with ^…$. Named groups: `serial` and `cd` feed the
 * checksum, `service`/`country` the S10 rules, `container` the SSCC container lookup.
 *
 * status: 'verified' = the public tracking-number data set (jkeen/tracking_number_data) defines the
 * format and publishes test numbers; 'folk' = only scattered open-source regexes support it.
 */

const w3_17 = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];
const w1_73 = [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];

export const FORMAT_DATA = [
  // ── DHL ────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'dhl_express', name: { en: 'DHL Express waybill', zh: 'DHL 快递运单号' },
    pattern: '(?<serial>[0-9]{9,10})(?<cd>[0-9])', length: [10, 11],
    checksum: { name: 'mod7' }, status: 'verified', source: 'couriers/dhl.json dhl_express',
    shape: { en: '10 digits, the last a mod-7 check digit (e.g. 3318810025)', zh: '10 位数字，末位为模 7 校验位（如 3318810025）' },
  },
  {
    id: 'dhl_piece_id', name: { en: 'DHL Express piece ID', zh: 'DHL 快递件号' },
    pattern: 'J[A-Z]{2,3}[0-9]{9,10}', length: [12, 14], status: 'verified', source: 'couriers/dhl.json dhl_express_piece_id',
    shape: { en: 'J + 2–3 letters + 9–10 digits (e.g. JJD0099999999)', zh: 'J + 2–3 个字母 + 9–10 位数字（如 JJD0099999999）' },
  },
  {
    id: 'dhl_ecommerce', name: { en: 'DHL eCommerce', zh: 'DHL 电商' },
    pattern: '(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)(?=[A-Z]*[0-9])[0-9A-Z]{10,39}', length: [12, 41], status: 'verified',
    source: 'couriers/dhl.json dhl_ecommerce',
    shape: { en: 'GM/LX/RX/UV/CN/SG/TH/IN/HK/MY + 10–39 letters or digits (e.g. GM2951173225174494)', zh: 'GM/LX/RX/UV/CN/SG/TH/IN/HK/MY + 10–39 位字母或数字（如 GM2951173225174494）' },
  },
  {
    id: 'dhl_ecommerce_14', name: { en: 'DHL eCommerce (14 digits)', zh: 'DHL 电商（14 位）' },
    pattern: '[0-9]{14}', length: [14, 14], status: 'verified', source: 'CARRIERS.md DHL eCommerce (14)',
    shape: { en: '14 digits', zh: '14 位数字' },
  },
  // ── FedEx ──────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'fedex_12', name: { en: 'FedEx Express (12)', zh: 'FedEx 快递（12 位）' },
    pattern: '(?<serial>[0-9]{11})(?<cd>[0-9])', length: [12, 12],
    checksum: { name: 'sum_product_with_weightings_and_modulo', weightings: w3_17, modulo1: 11, modulo2: 10 },
    status: 'verified', source: 'couriers/fedex.json FedEx Express (12)',
    shape: { en: '12 digits (e.g. 986578788855)', zh: '12 位数字（如 986578788855）' },
  },
  {
    id: 'fedex_34', name: { en: 'FedEx Express (34) barcode', zh: 'FedEx 快递（34 位条码）' },
    pattern: '[0-8][0-9]{14}(?<zip>[0-9]{5})(?<serial>[0-9]{13})(?<cd>[0-9])', length: [34, 34],
    checksum: { name: 'sum_product_with_weightings_and_modulo', weightings: w1_73, modulo1: 11, modulo2: 10 },
    status: 'verified', source: 'couriers/fedex.json FedEx Express (34), first digit 0–8 (#117)',
    shape: { en: '34 digits starting 0–8', zh: '以 0–8 开头的 34 位数字' },
  },
  {
    id: 'fedex_astra_32', name: { en: 'FedEx ASTRA (32)', zh: 'FedEx ASTRA（32 位）' },
    pattern: '3[0-9]{15}(?<serial>[0-9]{11})(?<cd>[0-9])[0-9]{4}', length: [32, 32],
    checksum: { name: 'sum_product_with_weightings_and_modulo', weightings: w3_17, modulo1: 11, modulo2: 10 },
    status: 'verified', source: 'CARRIERS.md FedEx ASTRA (tracking number at positions 17–28)',
    shape: { en: '32 digits starting 3 (tracking number at positions 17–28)', zh: '以 3 开头的 32 位数字（第 17–28 位为运单号）' },
  },
  {
    id: 'fedex_ground_15', name: { en: 'FedEx Ground (15)', zh: 'FedEx 陆运（15 位）' },
    pattern: '(?<serial>[0-9]{14})(?<cd>[0-9])', length: [15, 15],
    checksum: { name: 'mod10', evens_multiplier: 1, odds_multiplier: 3 }, status: 'verified', source: 'couriers/fedex.json FedEx Ground',
    shape: { en: '15 digits (e.g. 041441760228964)', zh: '15 位数字（如 041441760228964）' },
  },
  {
    id: 'fedex_sscc18', name: { en: 'FedEx Ground SSCC-18', zh: 'FedEx 陆运 SSCC-18' },
    pattern: '(?<container>[0-9]{2})(?<serial>[0-9]{15})(?<cd>[0-9])', length: [18, 18], container: ['00', '01', '02', '04'],
    checksum: { name: 'mod10', evens_multiplier: 3, odds_multiplier: 1 }, status: 'verified', source: 'couriers/fedex.json FedEx Ground (SSCC-18)',
    shape: { en: '18 digits starting 00, 01, 02 or 04', zh: '以 00、01、02 或 04 开头的 18 位数字' },
  },
  {
    id: 'fedex_ground_96', name: { en: 'FedEx Ground 96 (22)', zh: 'FedEx 陆运 96（22 位）' },
    pattern: '96[0-9]{2}[0-9]{3}(?<serial>[0-9]{14})(?<cd>[0-9])', length: [22, 22],
    checksum: { name: 'mod10', evens_multiplier: 1, odds_multiplier: 3 }, status: 'verified', source: 'couriers/fedex.json FedEx Ground 96 (22)',
    shape: { en: '22 digits starting 96 (e.g. 9611020987654312345672)', zh: '以 96 开头的 22 位数字（如 9611020987654312345672）' },
  },
  {
    id: 'fedex_ground_gsn', name: { en: 'FedEx Ground GSN (34)', zh: 'FedEx 陆运 GSN（34 位）' },
    pattern: '96[0-9]{2}[0-9]{5}[0-9]{10}[0-9](?<serial>[0-9]{13})(?<cd>[0-9])', length: [34, 34],
    checksum: { name: 'sum_product_with_weightings_and_modulo', weightings: w1_73, modulo1: 11, modulo2: 10 },
    status: 'verified', source: 'couriers/fedex.json FedEx Ground GSN',
    shape: { en: '34 digits starting 96', zh: '以 96 开头的 34 位数字' },
  },
  // ── UPS ────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'ups_1z', name: { en: 'UPS 1Z', zh: 'UPS 1Z' },
    pattern: '1Z(?<serial>[0-9A-Z]{15})(?<cd>[0-9])', length: [18, 18],
    checksum: { name: 'mod10', evens_multiplier: 1, odds_multiplier: 2 }, status: 'verified', source: 'couriers/ups.json ups',
    shape: { en: '1Z + 16 letters or digits (e.g. 1Z5R89390357567127)', zh: '1Z + 16 位字母或数字（如 1Z5R89390357567127）' },
  },
  {
    id: 'ups_waybill', name: { en: 'UPS Waybill', zh: 'UPS 运单' },
    pattern: '[AHJKTV](?<serial>[0-9]{9})(?<cd>[0-9])', length: [11, 11],
    checksum: { name: 'mod10', evens_multiplier: 1, odds_multiplier: 2 }, status: 'verified', source: 'couriers/ups.json UPS Waybill',
    shape: { en: 'A/H/J/K/T/V + 10 digits (e.g. K1506235620)', zh: 'A/H/J/K/T/V + 10 位数字（如 K1506235620）' },
  },
  // ── UPU S10 (all national posts) ───────────────────────────────────────────────────────────────
  {
    id: 's10', name: { en: 'UPU S10', zh: '万国邮联 S10' },
    pattern: '(?<service>[A-Z]{2})(?<serial>[0-9]{8})(?<cd>[0-9])(?<country>[A-Z]{2})', length: [13, 13], s10: true,
    checksum: { name: 's10', weightings: [8, 6, 4, 2, 3, 5, 9, 7] }, status: 'verified', source: 'couriers/s10.json + UPU S10 standard',
    shape: { en: '2 letters + 9 digits + 2-letter country (e.g. RB123456785CN)', zh: '2 个字母 + 9 位数字 + 2 位国家代码（如 RB123456785CN）' },
  },
  // ── USPS ───────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'usps_20', name: { en: 'USPS 20', zh: 'USPS 20 位' },
    pattern: '(?<serial>[0-9]{19})(?<cd>[0-9])', length: [20, 20],
    checksum: { name: 'mod10', evens_multiplier: 3, odds_multiplier: 1 }, status: 'verified', source: 'couriers/usps.json USPS 20',
    shape: { en: '20 digits', zh: '20 位数字' },
  },
  {
    id: 'usps_34v2', name: { en: 'USPS IMpb with routing (34)', zh: 'USPS IMpb 含路由（34 位）' },
    pattern: '420[0-9]{5}[0-9]{4}(?<serial>(?:9[2-5])?[0-9]{19})(?<cd>[0-9])', length: [32, 34],
    checksum: { name: 'mod10', evens_multiplier: 3, odds_multiplier: 1 }, status: 'verified', source: 'couriers/usps.json USPS 34v2',
    shape: { en: '420 + ZIP + routing + 20–22 digits', zh: '420 + 邮编 + 路由码 + 20–22 位数字' },
  },
  {
    // IMpb (94…/92…/93…/95…) and Legacy 91…: the USPS rule reads from the right (reverse); the data set's
    // serials here always have odd length, where reversed and left-to-right weighting agree.
    id: 'usps_impb', name: { en: 'USPS IMpb / Legacy', zh: 'USPS IMpb / 旧版' },
    pattern: '(?:420[0-9]{5})?(?<serial>(?:9[1-5])?[0-9]{2}[0-9]{2}[0-9]{8}(?:[0-9]{11}|[0-9]{7}))(?<cd>[0-9])', length: [20, 34],
    checksum: { name: 'mod10', evens_multiplier: 3, odds_multiplier: 1, reverse: true },
    prependIf: { matches: '^(?!9[1-5]).+', content: '91' }, status: 'verified', source: 'couriers/usps.json USPS 91',
    shape: { en: '22 or 26 digits starting 91–95 (e.g. 9400111201080805483016), optionally after 420 + ZIP', zh: '以 91–95 开头的 22 或 26 位数字（如 9400111201080805483016），可带 420 + 邮编前缀' },
  },
  // ── Other carriers of the public data set ─────────────────────────────────────────────────────
  {
    id: 'ontrac_c', name: { en: 'OnTrac C', zh: 'OnTrac C' },
    pattern: 'C(?<serial>[0-9]{13})(?<cd>[0-9])', length: [15, 15],
    checksum: { name: 'mod10', evens_multiplier: 1, odds_multiplier: 2 }, prependIf: { matches: '^(?!4).+$', content: '4' },
    status: 'verified', source: 'couriers/ontrac.json ontrac_c', shape: { en: 'C + 14 digits', zh: 'C + 14 位数字' },
  },
  {
    id: 'ontrac_d', name: { en: 'OnTrac D', zh: 'OnTrac D' },
    pattern: 'D(?<serial>[0-9]{13})(?<cd>[0-9])', length: [15, 15],
    checksum: { name: 'mod10', evens_multiplier: 1, odds_multiplier: 2 }, prependIf: { matches: '^(?!5).+$', content: '5' },
    status: 'verified', source: 'couriers/ontrac.json ontrac_d', shape: { en: 'D + 14 digits', zh: 'D + 14 位数字' },
  },
  {
    id: 'purolator_12', name: { en: 'Purolator (12)', zh: 'Purolator（12 位）' },
    pattern: '(?<serial>[0-5][0-9]{10})(?<cd>[0-9])', length: [12, 12], checksum: { name: 'luhn' },
    status: 'verified', source: 'couriers/purolator.json purolator_numeric', shape: { en: '12 digits starting 0–5', zh: '以 0–5 开头的 12 位数字' },
  },
  {
    id: 'old_dominion', name: { en: 'Old Dominion', zh: 'Old Dominion' },
    pattern: '(?<serial>(?:77[78]|072)[0-9]{7})(?<cd>[0-9])', length: [11, 11], checksum: { name: 'luhn' },
    status: 'verified', source: 'couriers/old_dominion.json', shape: { en: '11 digits starting 777, 778 or 072', zh: '以 777、778 或 072 开头的 11 位数字' },
  },
  {
    id: 'old_dominion_gs', name: { en: 'Old Dominion Guaranteed', zh: 'Old Dominion 保证件' },
    pattern: '(?<serial>80[0-9]{8})(?<cd>[0-9])', length: [11, 11], checksum: { name: 'luhn' },
    status: 'verified', source: 'couriers/old_dominion.json', shape: { en: '11 digits starting 80', zh: '以 80 开头的 11 位数字' },
  },
  {
    id: 'canada_post_16', name: { en: 'Canada Post (16)', zh: '加拿大邮政（16 位）' },
    pattern: '(?<serial>[0-9]{15})(?<cd>[0-9])', length: [16, 16],
    checksum: { name: 'mod10', evens_multiplier: 3, odds_multiplier: 1 }, status: 'verified', source: 'couriers/canadapost.json',
    shape: { en: '16 digits', zh: '16 位数字' },
  },
  {
    id: 'dpd_28', name: { en: 'DPD (28)', zh: 'DPD（28 位）' },
    pattern: '(?<serial>[0-9]{27})(?<cd>[0-9A-Z])', length: [28, 28], checksum: { name: 'mod_37_36' },
    status: 'verified', source: 'couriers/dpd.json dpd', shape: { en: '27 digits + a check letter or digit', zh: '27 位数字 + 1 位校验字母或数字' },
  },
  {
    id: 'dpd_14', name: { en: 'DPD (14)', zh: 'DPD（14 位）' },
    pattern: '(?<serial>[0-9]{14})(?<cd>[0-9A-Z])', length: [15, 15], checksum: { name: 'mod_37_36' },
    status: 'verified', source: 'CARRIERS.md DPD (14)', shape: { en: '14 digits + a check letter or digit', zh: '14 位数字 + 1 位校验字母或数字' },
  },
  // ── China-side carriers (no public check digit) ───────────────────────────────────────────────
  {
    id: 'yunexpress', name: { en: 'YunExpress', zh: '云途' },
    pattern: 'YT[0-9]{16}', length: [18, 18], status: 'verified', source: 'couriers/yunexpress.json (PR #109: no checksum)',
    shape: { en: 'YT + 16 digits (e.g. YT2229521272164446)', zh: 'YT + 16 位数字（如 YT2229521272164446）' },
  },
  {
    id: 'yunexpress_nexau', name: { en: 'YunExpress NEXAU', zh: '云途 NEXAU' },
    pattern: 'NEXAU100[0-9]{7}YQ', length: [17, 17], status: 'folk', source: 'OSS regex',
    shape: { en: 'NEXAU100 + 7 digits + YQ', zh: 'NEXAU100 + 7 位数字 + YQ' },
  },
  {
    id: 'cainiao_lp', name: { en: 'Cainiao LP', zh: '菜鸟 LP' },
    pattern: 'LP[0-9]{14}', length: [16, 16], status: 'folk', source: '^LP\\d{14}$ in ≥8 OSS repos',
    shape: { en: 'LP + 14 digits (e.g. LP00068434402473)', zh: 'LP + 14 位数字（如 LP00068434402473）' },
  },
  {
    id: 'cainiao_cnusup', name: { en: 'Cainiao CNUSUP', zh: '菜鸟 CNUSUP' },
    pattern: 'CNUSUP[0-9]{8,11}', length: [14, 17], status: 'folk', source: 'web',
    shape: { en: 'CNUSUP + 8–11 digits', zh: 'CNUSUP + 8–11 位数字' },
  },
  {
    id: 'cainiao_23', name: { en: 'Cainiao (23 digits)', zh: '菜鸟（23 位）' },
    pattern: '[0-9]{23}', length: [23, 23], status: 'folk', source: 'geartrack-website #50',
    shape: { en: '23 digits', zh: '23 位数字' },
  },
  {
    // S10 arithmetic with a non-ISO suffix (YN/YW is not a country), so no country lookup here.
    id: 'yanwen_s10', name: { en: 'Yanwen (…YN / …YW)', zh: '燕文（…YN / …YW）' },
    pattern: '(?<service>[A-Z]{2})(?<serial>[0-9]{8})(?<cd>[0-9])(?:YN|YW)', length: [13, 13],
    checksum: { name: 's10', weightings: [8, 6, 4, 2, 3, 5, 9, 7] }, status: 'folk', source: 'geartrack-website #51; OSS OCR regex',
    shape: { en: '2 letters + 9 digits + YN or YW (e.g. AC550032883YN)', zh: '2 个字母 + 9 位数字 + YN 或 YW（如 AC550032883YN）' },
  },
  {
    id: 'fourpx', name: { en: '4PX', zh: '递四方' },
    pattern: '4PX[0-9A-Z]{10,20}', length: [13, 23], status: 'folk', source: 'OSS regex ^4PX[0-9A-Z]{10,20}$',
    shape: { en: '4PX + 10–20 letters or digits', zh: '4PX + 10–20 位字母或数字' },
  },
  {
    id: 'fourpx_fpxe', name: { en: '4PX FPXE', zh: '递四方 FPXE' },
    pattern: 'FPXE[0-9]{10,16}', length: [14, 20], status: 'folk', source: 'OSS regex (4PX|FPXE)\\d{10,16}',
    shape: { en: 'FPXE + 10–16 digits', zh: 'FPXE + 10–16 位数字' },
  },
  {
    id: 'sf_15', name: { en: 'SF Express', zh: '顺丰' },
    pattern: 'SF[0-9]{13}', length: [15, 15], status: 'folk', source: '^SF\\d{13}$ in ≥9 OSS repos',
    shape: { en: 'SF + 13 digits', zh: 'SF + 13 位数字' },
  },
  {
    id: 'sf_12', name: { en: 'SF Express (legacy 12 digits)', zh: '顺丰（旧版 12 位）' },
    pattern: '[0-9]{12}', length: [12, 12], status: 'folk', source: 'OSS',
    shape: { en: '12 digits (legacy)', zh: '12 位数字（旧版）' },
  },
] as const;

/** `detect`: 'yes' (TRACK_CARRIER names this carrier), 'no' (accepted when checking only), 'fallback' (named only when no other carrier claims the number). */
const S10_LAST_MILE = { format: 's10', detect: 'no' } as const;
const post = (id: string, en: string, zh: string, country: string, aliases: string[], extra: { format: string }[] = []) => ({
  id, label: { en, zh }, aliases, formats: [{ format: 's10', countries: [country] }, ...extra],
});

export const CARRIER_DATA = [
  {
    id: 'dhl', label: { en: 'DHL Express', zh: 'DHL 快递' }, main: 'DHL',
    aliases: ['DHL Express Worldwide', 'DHL国际快递', '敦豪', '敦豪快递', '敦豪国际'],
    // [X-FORMAT]: the platform wants exactly 10 digits for DHL, so the 11-digit waybill and piece IDs fail as DHL.
    platformDigits: 10,
    formats: [{ format: 'dhl_express' }, { format: 'dhl_piece_id' }],
  },
  {
    id: 'dhl_ecommerce', label: { en: 'DHL eCommerce', zh: 'DHL 电商' }, main: 'DHL eCommerce',
    aliases: ['DHL eCommerce Solutions', 'DHL Global Mail', 'DHL Parcel', 'DHL电子商务', 'DHL小包'],
    formats: [{ format: 'dhl_ecommerce' }, { format: 'dhl_ecommerce_14' }],
  },
  {
    id: 'fedex', label: { en: 'FedEx', zh: 'FedEx 联邦快递' }, main: 'FedEx',
    aliases: ['Federal Express', 'FedEx Express', 'FedEx Ground', 'FedEx IP', 'FedEx IE', '联邦快递', '联邦', '联邦国际'],
    formats: ['fedex_12', 'fedex_34', 'fedex_astra_32', 'fedex_ground_15', 'fedex_sscc18', 'fedex_ground_96', 'fedex_ground_gsn'].map((format) => ({ format })),
  },
  {
    id: 'ups', label: { en: 'UPS', zh: 'UPS 联合包裹' }, main: 'UPS',
    aliases: ['United Parcel Service', 'UPS Express', 'UPS快递', '联合包裹', '美国联合包裹'],
    formats: [{ format: 'ups_1z' }, { format: 'ups_waybill' }],
  },
  {
    id: 'usps', label: { en: 'USPS', zh: '美国邮政 USPS' }, main: 'USPS',
    aliases: ['US Postal Service', 'United States Postal Service', 'US Post', '美国邮政', '美国邮政局'],
    formats: [{ format: 'usps_20' }, { format: 'usps_34v2' }, { format: 'usps_impb' }, { format: 's10', countries: ['US'] }],
  },
  {
    id: 'china_post', label: { en: 'China Post', zh: '中国邮政' }, main: 'China Post',
    aliases: ['China Post Air Mail', 'China Post Registered Air Mail', 'China Post Ordinary Small Packet', 'ePacket', 'CPAM', '邮政', '中邮', '中国邮政小包', '中国邮政挂号小包', '中国邮政平常小包', '中邮小包', '中邮挂号', 'e邮宝', '邮政小包', '国际e邮宝'],
    formats: [{ format: 's10', countries: ['CN'] }],
  },
  {
    id: 'ems', label: { en: 'China EMS', zh: '中国 EMS' }, main: 'EMS',
    aliases: ['CN EMS', 'EMS China', 'China Post EMS', '中国邮政EMS', '邮政EMS', 'EMS国际快递', 'EMS快递', '特快专递', '邮政特快专递'],
    formats: [{ format: 's10', countries: ['CN'], service: '^E' }],
  },
  {
    id: 'upu', label: { en: 'UPU S10 post', zh: '万国邮联 S10 邮政' }, main: 'UPU S10',
    aliases: ['S10', 'S10 post', 'Post', 'Postal', 'Post office', 'National post', 'Registered mail', 'Registered Air Mail', 'Air Mail', '万国邮联', '国际邮政', '国际小包', '挂号小包', '平邮', '挂号', '邮政挂号'],
    formats: [{ format: 's10', detect: 'fallback' }],
  },
  post('royal_mail', 'Royal Mail', '英国皇家邮政', 'GB', ['英国邮政', 'UK Post', 'Parcelforce']),
  post('hongkong_post', 'Hongkong Post', '香港邮政', 'HK', ['HK Post', '香港小包', '香港挂号']),
  post('singpost', 'Singapore Post', '新加坡邮政', 'SG', ['新加坡小包', '新加坡挂号']),
  post('russian_post', 'Russian Post', '俄罗斯邮政', 'RU', ['Pochta', 'Почта России', '俄邮']),
  post('correios', 'Correios', '巴西邮政', 'BR', ['Correios Brasil', 'Brazil Post']),
  post('la_poste', 'La Poste', '法国邮政', 'FR', ['Colissimo', 'French Post']),
  post('postnl', 'PostNL', '荷兰邮政', 'NL', ['Netherlands Post', '荷兰小包', '荷兰挂号']),
  post('swiss_post', 'Swiss Post', '瑞士邮政', 'CH', ['瑞士小包', '瑞士挂号']),
  post('deutsche_post', 'Deutsche Post', '德国邮政', 'DE', ['German Post']),
  post('japan_post', 'Japan Post', '日本邮政', 'JP', ['日本郵便']),
  post('korea_post', 'Korea Post', '韩国邮政', 'KR', ['韩邮']),
  post('australia_post', 'Australia Post', '澳大利亚邮政', 'AU', ['AusPost', '澳洲邮政']),
  post('correos', 'Correos', '西班牙邮政', 'ES', ['Correos España', 'Spain Post']),
  post('poste_italiane', 'Poste Italiane', '意大利邮政', 'IT', ['Italy Post']),
  post('canada_post', 'Canada Post', '加拿大邮政', 'CA', ['Postes Canada'], [{ format: 'canada_post_16' }]),
  {
    id: 'cainiao', label: { en: 'Cainiao (AliExpress Standard)', zh: '菜鸟（无忧物流）' }, main: 'Cainiao',
    aliases: ['AliExpress Standard', 'AliExpress Standard Shipping', 'AliExpress Premium Shipping', 'AliExpress Saver Shipping', 'AliExpress Selection Shipping', 'AliExpress Shipping', 'Cainiao Super Economy', 'Cainiao Expedited', '菜鸟', '菜鸟无忧', '菜鸟物流', '无忧物流', '无忧标准', '无忧优先', '无忧简易', '速卖通无忧物流', '菜鸟超级经济', '菜鸟特货专线'],
    // Cainiao hands over to last-mile posts: any valid S10 number is accepted (CARRIERS.md recommendation 5).
    formats: [{ format: 'cainiao_lp' }, { format: 'cainiao_cnusup' }, { format: 'cainiao_23' }, S10_LAST_MILE],
  },
  {
    id: 'yanwen', label: { en: 'Yanwen', zh: '燕文' }, main: 'Yanwen',
    aliases: ['Yanwen Logistics', 'Yanwen Express', '燕文物流', '燕文专线', '燕文小包'],
    formats: [{ format: 'yanwen_s10' }, S10_LAST_MILE, { format: 'cainiao_lp', detect: 'no' }],
  },
  {
    id: 'yunexpress', label: { en: 'YunExpress', zh: '云途' }, main: 'YunExpress',
    aliases: ['YunTu', '云途物流', '云途专线'],
    formats: [{ format: 'yunexpress' }, { format: 'yunexpress_nexau' }],
  },
  {
    id: 'fourpx', label: { en: '4PX', zh: '递四方 4PX' }, main: '4PX',
    aliases: ['4PX Express', '4PX Worldwide', '递四方', '递四方速递', '递四方物流', '四方'],
    formats: [{ format: 'fourpx' }, { format: 'fourpx_fpxe' }],
  },
  {
    id: 'sf', label: { en: 'SF Express', zh: '顺丰' }, main: 'SF Express',
    aliases: ['SF International', 'SF Intl', 'Shunfeng', '顺丰速运', '顺丰快递', '顺丰国际', '顺丰速递'],
    formats: [{ format: 'sf_15' }, { format: 'sf_12' }],
  },
  {
    id: 'jcex', label: { en: 'JCEX', zh: '佳成' }, main: 'JCEX',
    aliases: ['JC Express', 'Jiacheng', 'Jiacheng International', '佳成国际', '佳成物流', '佳成快递'],
    // CARRIERS.md: nothing verifiable found. No format, so every number is NOT_CHECKABLE: we say so, we do not guess.
    formats: [],
  },
  {
    id: 'dhl_paket', label: { en: 'DHL Paket', zh: 'DHL Paket 德国包裹' },
    aliases: ['DHL Germany', 'DHL Parcel Germany', '德国DHL'],
    formats: [], // FOLK only (jkeen/tracking_number_data#30 still open): not checkable.
  },
  { id: 'ontrac', label: { en: 'OnTrac', zh: 'OnTrac' }, aliases: [], formats: [{ format: 'ontrac_c' }, { format: 'ontrac_d' }] },
  { id: 'purolator', label: { en: 'Purolator', zh: 'Purolator' }, aliases: [], formats: [{ format: 'purolator_12' }] },
  {
    id: 'old_dominion', label: { en: 'Old Dominion', zh: 'Old Dominion' }, aliases: ['ODFL', 'Old Dominion Freight Line'],
    formats: [{ format: 'old_dominion' }, { format: 'old_dominion_gs' }],
  },
  { id: 'dpd', label: { en: 'DPD', zh: 'DPD' }, aliases: ['DPD Group'], formats: [{ format: 'dpd_28' }, { format: 'dpd_14' }] },
];
