/**
 * AE Seller Rules — add-on entry points (Google Apps Script, plain JavaScript pushed as is).
 * Menu triggers and the server functions the audit sidebar calls through google.script.run.
 * Everything delegates to the bundled library `AERules` (aerules.js).
 * The custom functions (SG_FEE, TRACK_VALID, …) are in functions.js, generated from the catalogue.
 */

/** @param {GoogleAppsScript.Events.SheetsOnOpen} e */
function onOpen(e) {
  AERules.ui.onOpen(e);
}

/** @param {GoogleAppsScript.Events.AddonOnInstall} e */
function onInstall(e) {
  AERules.ui.onInstall(e);
}

/** Menu: open the bulk-audit sidebar. */
function aeShowSidebar() {
  AERules.ui.showSidebar();
}

/** Menu: insert the built-in rate card into a new sheet. */
function aeInsertRateCardFromMenu() {
  return AERules.ui.insertRateCardFromMenu();
}

// ---- called by the sidebar (google.script.run); all arguments and results are JSON-safe ----

function aeLang() {
  return AERules.ui.lang();
}

function aeScanSources() {
  return AERules.sidebar.scanSources();
}

function aeReadHeader(sourceId) {
  return AERules.sidebar.readHeader(sourceId);
}

function aeReadRows(sourceId, start, count) {
  return AERules.sidebar.readRows(sourceId, start, count);
}

function aeBeginOutput(name, avoidSourceId) {
  return AERules.sidebar.beginOutput(name, avoidSourceId);
}

function aeWriteRows(sheetName, start, rows, highlight) {
  return AERules.sidebar.writeRows(sheetName, start, rows, highlight);
}

function aeFinishOutput(sheetName, rows, columns, moneyColumns, percentColumns) {
  return AERules.sidebar.finishOutput(sheetName, rows, columns, moneyColumns, percentColumns);
}

function aeAddChart(sheetName, spec, lang) {
  return AERules.sidebar.addChart(sheetName, spec, lang);
}

function aeInsertRateCard(table, name) {
  return AERules.sidebar.insertRateCard(table, name);
}

/** Wall-clock "now" in the spreadsheet's time zone (ms). */
function aeNow() {
  return AERules.sidebar.now();
}

function aeListSheets() {
  return AERules.sidebar.listSheets();
}

function aeReadSheet(sheetId) {
  return AERules.sidebar.readSheet(sheetId);
}
