/** TRACK_* function definitions (GitHub issue 3: tracking numbers) over core/tracking [X-FORMAT]. */
import { naError, valueError } from '../errors';
import { show } from '../coerce';
import { L, joinL } from '../text';
import type { ArgDef, FunctionDef } from '../catalogue/types';
import { checkTrackingCell, cleanTracking, detectCarriers, isValidTrackingCell, mainCarrierNames, trackValidReader } from '../tracking';

const carrierArg: ArgDef = {
  name: 'carrier',
  nameZh: '承运商',
  kind: 'carrier',
  help: L(
    'Carrier name or code in any case: DHL, FedEx, UPS, USPS, China Post, EMS, UPU/S10, Cainiao, Yanwen, YunExpress, 4PX, SF Express, JCEX, or 顺丰, 燕文, 云途, 菜鸟, 中国邮政…',
    '承运商名称或代码（不区分大小写）：DHL、FedEx、UPS、USPS、China Post、EMS、UPU/S10、菜鸟、燕文、云途、递四方、顺丰、佳成、中国邮政…',
  ),
  choices: mainCarrierNames(),
};

const numberArg: ArgDef = {
  name: 'number',
  nameZh: '单号',
  kind: 'text',
  // Read as the host gives it: text stays as typed; an Excel number is read as its digits, or explained when Excel rounded it.
  raw: true,
  help: L('The tracking number exactly as it will be uploaded (format the column as Text)', '物流单号，与上传时完全一致（请把该列设置为“文本”格式）'),
};

/** The number argument of TRACK_CLEAN / TRACK_CARRIER as text ("" for empty), or why it cannot be read. */
function numberText(x: unknown) {
  if (x === null || x === undefined) return '';
  if (typeof x === 'string') return x;
  if (typeof x === 'number') {
    if (Number.isInteger(x) && x >= 0 && x < 1e15) return String(x);
    return valueError(
      `${String(x)} is a number that has lost digits (Excel keeps only 15 significant digits): format the tracking column as Text and paste the number again [X-FORMAT]`,
      `${String(x)} 是已丢失位数的数字（Excel 只保留 15 位有效数字）：请把单号列设置为“文本”格式后重新粘贴 [X-FORMAT]`,
    );
  }
  return valueError(`not a tracking number: ${show(x)}`, `不是物流单号：${show(x)}`);
}

export const TRACKING_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: 'TRACK_VALID',
    nameZh: '单号有效',
    category: 'tracking',
    rules: ['X-FORMAT'],
    help: L(
      'TRUE when the tracking number, as typed, passes the platform rule and the carrier’s format and check digit (DHL: exactly 10 digits). A carrier with no published format (JCEX) gives FALSE: see TRACK_WHY',
      '物流单号按输入原样符合平台规则及承运商格式和校验位时为 TRUE（DHL：正好 10 位数字）。没有公开格式的承运商（佳成）返回 FALSE：原因见 TRACK_WHY',
    ),
    args: [carrierArg, numberArg],
    result: 'bool',
    examples: [
      { formula: 'TRACK_VALID("DHL", "3318810025")', result: 'TRUE' },
      { formula: 'TRACK_VALID("DHL", "3318 810025")', result: 'FALSE' },
      { formula: 'TRACK_VALID("China Post", "RB123456785CN")', result: 'TRUE' },
    ],
    // The verdict alone (no reason is built): the same checks as TRACK_WHY, fast over a million rows.
    impl: (a) => isValidTrackingCell(a[0], a[1]),
    // A column of numbers: each distinct carrier text resolved once, numbers checked by offsets.
    fast: () => {
      const read = trackValidReader();
      return (cells) => read(cells[0], cells[1]);
    },
  },
  {
    name: 'TRACK_WHY',
    nameZh: '单号问题',
    category: 'tracking',
    rules: ['X-FORMAT'],
    help: L(
      '"" when TRACK_VALID is TRUE, else the reason: wrong length, bad character at position N, bad check digit (expected X), unknown S10 country, unsupported carrier…',
      'TRACK_VALID 为 TRUE 时返回 ""，否则返回原因：长度不对、第 N 位字符有误、校验位错误（应为 X）、S10 国家代码未知、不支持的承运商…',
    ),
    args: [carrierArg, numberArg],
    result: 'text',
    examples: [
      { formula: 'TRACK_WHY("DHL", "3318810025")', result: '""' },
      { formula: 'TRACK_WHY("DHL", "3318 810025")', result: 'DHL wants exactly 10 digits; this has 11 characters including a space at position 5 …' },
    ],
    impl: ([carrier, number]) => checkTrackingCell(carrier, number).reason,
  },
  {
    name: 'TRACK_CLEAN',
    nameZh: '单号清理',
    category: 'tracking',
    rules: ['X-FORMAT'],
    help: L(
      'The number with spaces, dashes and full-width characters normalised, upper-cased. Cleaning is a separate step: upload the cleaned number, a number that needed cleaning is not valid as typed',
      '去掉空格和连字符、全角转半角并转为大写后的单号。清理是单独的一步：请上传清理后的单号，需要清理的单号按原样无效',
    ),
    args: [numberArg],
    result: 'text',
    examples: [{ formula: 'TRACK_CLEAN("3318 810025")', result: '3318810025' }],
    impl: ([number]) => {
      const t = numberText(number);
      return typeof t === 'string' ? cleanTracking(t) : t;
    },
  },
  {
    name: 'TRACK_CARRIER',
    nameZh: '单号承运商',
    category: 'tracking',
    rules: ['X-FORMAT'],
    help: L(
      'Every carrier whose format the (cleaned) number fits, most likely first: a passing check digit before a bare pattern. #N/A when none fits',
      '单号（清理后）符合其格式的所有承运商，可能性最大的在前：通过校验位的排在仅格式匹配的前面。都不符合时返回 #N/A',
    ),
    args: [numberArg],
    result: 'text',
    examples: [
      { formula: 'TRACK_CARRIER("RX123456785CN")', result: 'China Post, DHL eCommerce' },
      { formula: 'TRACK_CARRIER("1Z5R89390357567127")', result: 'UPS' },
    ],
    impl: ([number]) => {
      const t = numberText(number);
      if (typeof t !== 'string') return t;
      const found = detectCarriers(t);
      if (found.length) return joinL(found.map((d) => d.label), ', ', ', ');
      return t.trim() === ''
        ? naError('no tracking number (the cell is empty)', '没有物流单号（单元格为空）')
        : naError(
            `no known carrier format fits ${show(t)} (checked DHL, FedEx, UPS, USPS, UPU S10 posts, Cainiao, Yanwen, YunExpress, 4PX, SF Express and others) [X-FORMAT]`,
            `没有已知承运商格式符合 ${show(t)}（已检查 DHL、FedEx、UPS、USPS、万国邮联 S10 邮政、菜鸟、燕文、云途、递四方、顺丰等）[X-FORMAT]`,
          );
    },
  },
];
