/** The bulk audit engine (issue 4): column mapping, row rules, streaming session, report tables. */
export * from './types';
export { detectColumns, findHeaderRow, headerScore, fieldOfHeader, headerKey, skippedRules, columnLetter, FIELD_LABELS, FIELD_SYNONYMS, ALL_FIELDS, REQUIRED_FIELDS, isSkuSheet } from './columns';
export { AUDIT_RULES, RULE_TITLES, DATA_RULE, ruleTitle, isInvoiceDoc, giftRefused, SKU_REVIEW_FIELDS, type AuditRule, type RawFinding, type RuleContext } from './rules';
export { readRecord, readAppeal, readOwnPackaging, readApproval, isPlaceholder, isoWeek, type OrderRecord } from './record';
export { createAudit, auditTable, orderLastRows, mappingError, isCancelled, describeUserCard, AUDIT_CANCELLED, type AuditSession, type AuditTableOptions, type StreamOptions } from './session';
export { FINDINGS_HEADER, FINDINGS_MONEY_COLUMNS, WEEKLY_HEADER, WEEKLY_MONEY_COLUMNS, WEEKLY_PENALTY_COLUMN, WEEKLY_SHARE_COLUMNS, SUMMARY_MONEY_COLUMNS, SUMMARY_SHARE_COLUMNS, SEVERITY_TEXT, capCell, MAX_CELL_CHARS, findingRow, findingsHeader, type UserCard } from './report';
