/**
 * The task pane page's bundle (taskpane.js). The same page is the add-in's shared runtime
 * (manifest <Runtime resid="Taskpane.Url">), so it also loads functions.js, which registers the
 * AE.* custom functions; this bundle only mounts the audit pane over Excel.
 */
import { mountAuditPane } from '../pane';
import { ExcelAuditHost } from './host';
import { langFromLocale } from '../core/text';
import { whenFirstVisible, type VisibilityEnv } from './visibility';

function fail(root: HTMLElement, err: unknown): void {
  const zh = typeof navigator !== 'undefined' && langFromLocale(navigator.language) === 'zh';
  const detail = err instanceof Error ? err.message : String(err);
  root.textContent = zh
    ? `无法启动审核面板：${detail}。请在 Excel 中打开本加载项。`
    : `The audit pane could not start: ${detail}. Open this add-in from Excel.`;
}

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  try {
    const host = new ExcelAuditHost();
    document.documentElement.lang = host.lang() === 'zh' ? 'zh-CN' : 'en';
    root.textContent = '';
    // This page is also the custom functions' shared runtime, loaded with every workbook that uses
    // them even when the pane stays closed: scan the sheets only once the pane is first visible.
    const pane = mountAuditPane(root, host, { autoLoad: false });
    whenFirstVisible({ document, window, addin: (Office as { addin?: VisibilityEnv['addin'] }).addin }, () => void pane.controller.refreshSources());
  } catch (e) {
    fail(root, e);
  }
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => {
    const root = document.getElementById('app');
    if (info && info.host && String(info.host) !== 'Excel' && root) {
      fail(root, new Error(`host ${String(info.host)}`));
      return;
    }
    start();
  });
} else {
  const root = document.getElementById('app');
  if (root) fail(root, new Error('Office.js did not load'));
}
