/**
 * The browser app (dist/web/): the one audit pane (pane/) over the browser-file host
 * (pane/file-host.ts), plus the function playground. Static files only; nothing is uploaded and no
 * request leaves the page. `?lang=zh|en` starts in that language, else the browser's; the pane's
 * EN / 中文 switch changes the whole page. Tests read `window.__aeWeb`.
 */
import { mountAuditPane } from '../pane';
import { createFileHost, type FileHost } from '../pane/file-host';
import { saveBytes } from '../pane/view';
import { toDate } from '../core/coerce';
import { isRuleError } from '../core/errors';
import { langFromLocale, type Lang } from '../core/text';
import { mountPlayground } from './playground';

declare const __VERSION__: string;
declare global {
  interface Window {
    __aeWeb?: { host: FileHost; pane: ReturnType<typeof mountAuditPane> };
  }
}

const q = new URLSearchParams(location.search);
const asked = q.get('lang');
let lang: Lang = asked === 'zh' || asked === 'en' ? asked : langFromLocale(navigator.language);

const host = createFileHost({
  lang,
  download: (name, bytes) => saveBytes(name, bytes),
  version: typeof __VERSION__ === 'string' ? __VERSION__ : undefined,
});
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  // ?now=2024-07-05 judges open orders as of that local time (like the CLI's --now); default: now.
  const nowText = q.get('now');
  const nowMs = nowText ? toDate(nowText) : undefined;
  const pane = mountAuditPane(root, host, typeof nowMs === 'number' && !isRuleError(nowMs) ? { now: nowMs } : {});
  window.__aeWeb = { host, pane };
  const pgRoot = document.getElementById('playground');
  const pg = pgRoot ? mountPlayground(pgRoot, () => lang) : undefined;
  const sw = document.getElementById('lang-switch');
  const applyLang = (l: Lang) => {
    lang = l;
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    // Page texts outside the pane are English / Chinese span pairs: the page's lang shows one (site.mjs).
    document.title = l === 'zh' ? '速卖通卖家规则 · 订单审核' : 'AE Seller Rules · order audit';
    if (sw) sw.textContent = l === 'zh' ? 'English' : '中文';
    pg?.update();
  };
  applyLang(lang);
  // The header's language switch drives the pane (and through it the page).
  if (sw) sw.onclick = () => pane.controller.setLang(lang === 'zh' ? 'en' : 'zh');
  pane.controller.subscribe((s) => {
    if (s.lang !== lang) applyLang(s.lang);
  });
}
