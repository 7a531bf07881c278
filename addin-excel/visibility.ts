/**
 * Shared-runtime start-up: the task pane page is also the custom functions' runtime, so Excel loads
 * it for every workbook that uses an AE.* function, usually with the pane closed. The pane's first
 * sheet scan (listSources: every sheet's used range and top rows) waits until the pane is first
 * visible, so opening a workbook costs nothing when nobody looks at the pane.
 *
 * "Visible" is any of (docs/EXCEL-HOST.md):
 *  - Office.addin.onVisibilityModeChanged reports Office.VisibilityMode.taskpane ("Taskpane"),
 *    the shared-runtime event for the pane being shown (SharedRuntime 1.1);
 *  - the page is visible and has a size (document.visibilityState "visible", innerWidth/innerHeight
 *    > 0) at start-up or on a later visibilitychange / resize: a hidden runtime page has neither;
 *  - the user interacts with the pane (pointerdown / focusin / keydown).
 * The callback runs once.
 */
export interface VisibilityEnv {
  document?: {
    visibilityState?: string;
    addEventListener(type: string, fn: () => void, opts?: unknown): void;
    removeEventListener(type: string, fn: () => void, opts?: unknown): void;
  };
  window?: {
    innerWidth?: number;
    innerHeight?: number;
    addEventListener(type: string, fn: () => void, opts?: unknown): void;
    removeEventListener(type: string, fn: () => void, opts?: unknown): void;
  };
  /** Office.addin (shared runtime), when present. */
  addin?: { onVisibilityModeChanged?: (handler: (args: { visibilityMode?: string }) => void) => Promise<unknown> | unknown };
}

const WINDOW_EVENTS = ['resize', 'pointerdown', 'focusin', 'keydown'] as const;

/** Run `start` once, the first time the pane is visible. Returns a function that cancels the wait. */
export function whenFirstVisible(env: VisibilityEnv, start: () => void): () => void {
  let done = false;
  const { document: doc, window: win, addin } = env;
  const shown = () => doc?.visibilityState === 'visible' && (win?.innerWidth ?? 1) > 0 && (win?.innerHeight ?? 1) > 0;
  const cleanup = () => {
    doc?.removeEventListener('visibilitychange', onChange);
    for (const t of WINDOW_EVENTS) win?.removeEventListener(t, t === 'resize' ? onChange : fire);
  };
  function fire(): void {
    if (done) return;
    done = true;
    cleanup();
    start();
  }
  function onChange(): void {
    if (shown()) fire();
  }
  if (!doc && !win) {
    // Nothing to watch (not a browser page): start at once.
    fire();
    return cleanup;
  }
  doc?.addEventListener('visibilitychange', onChange);
  for (const t of WINDOW_EVENTS) win?.addEventListener(t, t === 'resize' ? onChange : fire, { passive: true });
  try {
    const p = addin?.onVisibilityModeChanged?.((args) => {
      if (String(args?.visibilityMode ?? '').toLowerCase() === 'taskpane') fire();
    });
    if (p && typeof (p as Promise<unknown>).catch === 'function') (p as Promise<unknown>).catch(() => undefined);
  } catch {
    /* an Office without the shared-runtime visibility event: the page signals remain */
  }
  onChange();
  return () => {
    done = true;
    cleanup();
  };
}
