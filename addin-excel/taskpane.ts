/**
 * The task pane page's bundle (taskpane.js). The same page is the add-in's shared runtime
 * (manifest <Runtime resid="Taskpane.Url">), so it also loads functions.js, which registers the
 * AE.* custom functions; this bundle only mounts the audit pane over Excel.
 */
import { mountAuditPane } from '../pane';
import { withFileSources } from '../pane/file-host';
import { ExcelAuditHost } from './host';
import { L, langFromLocale, type Text } from '../core/text';
import { whenFirstVisible, type VisibilityEnv } from './visibility';

/** Why the pane cannot start, in one language only, with the way out (the browser app needs no Excel). */
function fail(root: HTMLElement, why: Text): void {
  const zh = typeof navigator !== 'undefined' && langFromLocale(navigator.language) === 'zh';
  const p = document.createElement('p');
  p.style.cssText = 'margin:16px;font:14px/1.5 "Segoe UI","Microsoft YaHei",sans-serif';
  p.textContent = zh ? `无法启动审核面板：${why.zh}。请在 Excel 中打开本加载项。` : `The audit pane could not start: ${why.en}. Open this add-in from Excel.`;
  const a = document.createElement('a');
  a.href = '../index.html';
  a.textContent = zh ? '不用 Excel？在浏览器中审核导出文件' : 'No Excel? Audit an export file in the browser';
  const q = document.createElement('p');
  q.style.cssText = p.style.cssText;
  q.append(a);
  root.replaceChildren(p, q);
}

const errText = (e: unknown): Text => {
  const m = e instanceof Error ? e.message : String(e);
  return L(m, m);
};

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  try {
    const excel = new ExcelAuditHost();
    document.documentElement.lang = excel.lang() === 'zh' ? 'zh-CN' : 'en';
    root.textContent = '';
    // This page is also the custom functions' shared runtime, loaded with every workbook that uses
    // them even when the pane stays closed: scan the sheets only once the pane is first visible.
    // "Open a file": audit an export without pasting it into the workbook (outputs still go to sheets).
    const pane = mountAuditPane(root, withFileSources(excel), { autoLoad: false });
    whenFirstVisible({ document, window, addin: (Office as { addin?: VisibilityEnv['addin'] }).addin }, () => void pane.controller.refreshSources());
  } catch (e) {
    fail(root, errText(e));
  }
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => {
    const root = document.getElementById('app');
    if (info && info.host && String(info.host) !== 'Excel' && root) {
      fail(root, L(`this add-in runs in Excel, not in ${String(info.host)}`, `本加载项只能在 Excel 中运行，不能在 ${String(info.host)} 中运行`));
      return;
    }
    start();
  });
} else {
  const root = document.getElementById('app');
  if (root) fail(root, L('Office.js did not load (this page was opened outside Excel, or the network blocks appsforoffice.microsoft.com)', 'Office.js 未能加载（此页面不是在 Excel 中打开的，或网络屏蔽了 appsforoffice.microsoft.com）'));
}
