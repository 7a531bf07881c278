/** The real audit engine (core/audit) behind the pane's AuditEngine seam. */
import { createAudit, detectColumns, FIELD_LABELS, RULE_TITLES } from '../core/audit';
import type { AuditEngine } from './controller';

export const coreEngine: AuditEngine = {
  detectColumns: (header, overrides) => detectColumns(header, overrides ?? {}),
  createAudit: (header, options) => createAudit(header, options),
  fieldLabels: FIELD_LABELS,
  ruleTitles: RULE_TITLES,
};
