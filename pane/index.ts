/**
 * The one audit UI: Excel task pane and Google Sheets sidebar mount the same pane over their own
 * AuditHost (pane/host.ts). The pane's CSS is injected into `root` (no separate stylesheet), so a
 * single inlined HTML file works in HtmlService.
 *
 *   import { mountAuditPane } from '../pane';
 *   const pane = mountAuditPane(document.getElementById('app')!, host);
 *   // …later: pane.destroy();
 */
import { PaneController, type AuditEngine } from './controller';
import { coreEngine } from './engine';
import { PANE_CSS } from './styles';
import { renderPane } from './view';

export type { AuditHost, SheetChoice, SheetValues, SourceInfo, WriteOptions } from './host';
export { PaneController, describeError, outputTables, rateCardTable, type AuditEngine, type CardState, type PaneState, type RunSummary } from './controller';
export { MemoryWorkbook, createMemoryHost, type MemoryHostOptions, type MemoryTable, type MemorySheet } from './memory-host';
export { PANE_CSS } from './styles';

export interface MountOptions {
  /** "Now" for open orders (wall-clock ms); default host.now(), else the local wall clock, when Run is pressed. */
  now?: number;
  /** Rows per host.readRows call (default 5,000; Excel on the web stays well under its 5 MB limit). */
  chunkSize?: number;
  /** The audit engine (default: core/audit). Tests may pass a stub. */
  engine?: AuditEngine;
  /** Load the source list at once (default true). */
  autoLoad?: boolean;
}

export interface MountedPane {
  /** The controller (state + actions), e.g. for a host to refresh sources on a sheet change. */
  controller: PaneController;
  destroy(): void;
}

export function mountAuditPane(root: HTMLElement, host: import('./host').AuditHost, options: MountOptions = {}): MountedPane {
  const style = document.createElement('style');
  style.setAttribute('data-aep', '');
  style.textContent = PANE_CSS;
  root.append(style);
  const controller = new PaneController(host, { engine: options.engine ?? coreEngine, now: options.now, chunkSize: options.chunkSize });
  const view = renderPane(root, controller);
  const unsubscribe = controller.subscribe((s) => view.update(s));
  view.update(controller.state);
  if (options.autoLoad !== false) void controller.refreshSources();
  return {
    controller,
    destroy() {
      unsubscribe();
      controller.cancel();
      view.destroy();
      style.remove();
    },
  };
}
