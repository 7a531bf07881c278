/**
 * The Apps Script server library, bundled by webpack into dist/sheets/aerules.js as `var AERules`.
 * Top-level functions (what Sheets and google.script.run can see) live in generated/plain files next
 * to it: functions.js (the custom functions, generated from the catalogue) and addon.js.
 * The audit engine and the sidebar UI are NOT in here: they run in the sidebar's browser JS.
 */
import { call, catalogueMeta, errorText } from './functions';
import * as sidebar from './sidebar';
import * as ui from './ui';
import { resetEnv } from './env';

export { call, catalogueMeta, errorText, sidebar, ui, resetEnv };
