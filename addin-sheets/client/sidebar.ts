/**
 * The Sheets audit sidebar: the same pane as Excel's task pane (pane/), over the google.script.run
 * host. Bundled and inlined into dist/sheets/Sidebar.html by webpack/sheets.config.js.
 */
import { mountAuditPane, PaneController, PANE_CSS } from '../../pane/index';
import { coreEngine } from '../../pane/engine';
import { withFileSources } from '../../pane/file-host';
import { T, tr } from '../../pane/i18n';
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
  const host = createSheetsHost(gasTransport(), { lang });
  // Opened by the menu's "Insert rate card" (ui.ts insertRateCardFromMenu) as a small dialog.
  if (document.querySelector('meta[name="ae-action"]')?.getAttribute('content') === 'rate-card') void rateCardDialog(root, new PaneController(host, { engine: coreEngine }));
  else mountAuditPane(root, withFileSources(host));
}

/** The dialog: insert the built-in card (the pane's own action), then say where or why not; Close. */
async function rateCardDialog(root: HTMLElement, ctl: PaneController) {
  const lang = ctl.state.lang;
  const style = document.createElement('style');
  style.textContent = PANE_CSS;
  const box = document.createElement('div');
  box.className = 'aep';
  const msg = document.createElement('div');
  msg.className = 'aep-msg aep-info';
  msg.setAttribute('role', 'status');
  const text = document.createElement('div');
  text.textContent = tr(T.inserting, lang);
  msg.append(text);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'aep-btn';
  close.textContent = tr(T.close, lang);
  close.onclick = () => (globalThis as { google?: { script?: { host?: { close(): void } } } }).google?.script?.host?.close();
  box.append(msg, close);
  root.replaceChildren(style, box);
  await ctl.insertRateCard();
  const rc = ctl.state.rateCard;
  if (rc.status === 'done') {
    msg.className = 'aep-msg aep-ok';
    text.textContent = `${tr(T.rateCardInserted, lang)}${lang === 'zh' ? '：' : ': '}${rc.sheet}${lang === 'zh' ? '。' : '. '}${tr(T.rateCardNext, lang)}`;
  } else if (rc.status === 'error') {
    msg.className = 'aep-msg aep-err';
    text.textContent = tr(rc.error, lang);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
