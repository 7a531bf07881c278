/**
 * Cells as people type them, for the readings the functions and the audit share (coerce.ts toAppeal,
 * toPresent): one list, so both paths are tested with the same words.
 */
/** Words that mean a valid appeal (the timeout penalty is waived). */
export const APPEAL_YES: unknown[] = [
  '申诉成立', 'approved', 'valid', '通过', '有效', '是', 'TRUE', true, 1, 'yes', '申诉成功', 'Appeal valid',
  'appeal approved after review', 'Approved (submitted 06-20)', 'reopened, approved', 'APPROVED', '申诉通过',
];

/** Words that mean no valid appeal (the penalty stands). */
export const APPEAL_NO: unknown[] = [
  '驳回', 'rejected', '未申诉', 'pending', '申诉中', 'N/A', 'none', '否', 'FALSE', false, 0, 'no',
  'not approved', '未通过', '不通过', 'invalid', '无效', '不成立', 'not appealed', 'No appeal', 'submitted', 'under review',
  'pending approval', 'Appeal rejected', '申诉失败', '待通过', 'disapproved', '已申诉', 'appealed',
];

/** Of APPEAL_NO, the words of an appeal filed whose outcome is unknown: the penalty counts, with a note [X-PEN-TIMEOUT]. */
export const APPEAL_FILED: unknown[] = ['pending', '申诉中', 'submitted', 'under review', 'pending approval', '待通过', '已申诉', 'appealed'];

/** Cells that are neither: both yes and no words, or no word at all. */
export const APPEAL_UNREADABLE: unknown[] = ['approved, then rejected', '通过后被驳回', 'valid? no', 'see email', 42];

/** Cells that say the document / number is NOT there. */
export const ABSENT: unknown[] = [
  'pending', 'missing', '待补', 'unknown', 'tbd', '未提供', 'N/A', 'n/a', '-', '—', '无', '0', 0, '000', 'none', 'no', 'No', 'FALSE', false, '否',
  'xxx', '?', '/', '暂无', '没有', '未知', '待定', ' N/A ', 'NULL',
];

/** Cells that say it IS there (yes, or the number itself). */
export const PRESENT: unknown[] = ['35240612345678000190550010000012341000012345', 'NFe 123', 12345678, true, 'TRUE', '是', 'yes', 'INV-1', '123.456.789-09', '7707083893', 1];
