/**
 * The full catalogue metadata (help and examples included) for the build: bundled for Node as
 * "sheets-meta", so dist/sheets/functions.js gets its JSDoc while the Apps Script library
 * (aerules.js) is built without the help text (webpack/strip-help.js).
 */
export { catalogueMeta } from '../server/functions';
