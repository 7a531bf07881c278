/**
 * The Sheets audit sidebar: the same pane as Excel's task pane (pane/), over the google.script.run
 * host. Bundled and inlined into dist/sheets/Sidebar.html by webpack/sheets.config.js.
 */
import { mountAuditPane } from '../../pane/index';
import { withFileSources } from '../../pane/file-host';
import { langFromLocale, type Lang } from '../../core/text';
import { createSheetsHost, gasTransport } from './host';

/** The server replaces the placeholder with the user's language (ui.ts showSidebar). */
function pageLang(): Lang {
  const meta = document.querySelector('meta[name="ae-lang"]')?.getAttribute('content') ?? '';
  if (meta === 'zh' || meta === 'en') return meta;
  return langFromLocale(navigator.language);
}

function start() {
  const root = document.getElementById('app');
  if (!root) return;
  const lang = pageLang();
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  // "Open a file": an export can be audited without pasting it into the spreadsheet; it is read in
  // the sidebar (nothing is sent to the server but the output sheets).
  const host = withFileSources(createSheetsHost(gasTransport(), { lang }));
  const pane = mountAuditPane(root, host);
  // Opened by the menu's "Insert rate card" (ui.ts insertRateCardFromMenu): insert it now; the pane
  // shows where it went, or why it could not.
  if (document.querySelector('meta[name="ae-action"]')?.getAttribute('content') === 'rate-card') void pane.controller.insertRateCard();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
