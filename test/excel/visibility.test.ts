/**
 * The shared runtime's start-up deferral (addin-excel/visibility.ts): the pane's sheet scan waits
 * until the pane is first visible, and runs once.
 */
import { describe, expect, it } from 'vitest';
import { whenFirstVisible } from '../../addin-excel/visibility';

function target() {
  const listeners = new Map<string, Set<() => void>>();
  return {
    listeners,
    addEventListener(type: string, fn: () => void) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(fn);
    },
    removeEventListener(type: string, fn: () => void) {
      listeners.get(type)?.delete(fn);
    },
    emit(type: string) {
      for (const fn of [...(listeners.get(type) ?? [])]) fn();
    },
    count() {
      return [...listeners.values()].reduce((n, s) => n + s.size, 0);
    },
  };
}

function hiddenRuntime() {
  const doc = Object.assign(target(), { visibilityState: 'hidden' });
  const win = Object.assign(target(), { innerWidth: 0, innerHeight: 0 });
  let handler: ((a: { visibilityMode?: string }) => void) | undefined;
  const addin = { onVisibilityModeChanged: (h: (a: { visibilityMode?: string }) => void) => ((handler = h), Promise.resolve(() => undefined)) };
  return { doc, win, addin, show: (mode: string) => handler?.({ visibilityMode: mode }) };
}

describe('the pane scans the workbook only once it is first visible', () => {
  it('a runtime loaded for the custom functions with the pane closed does nothing until Office reports the task pane shown', () => {
    const env = hiddenRuntime();
    let scans = 0;
    whenFirstVisible({ document: env.doc, window: env.win, addin: env.addin }, () => scans++);
    expect(scans).toBe(0);
    env.show('Hidden');
    expect(scans).toBe(0);
    env.show('Taskpane');
    expect(scans).toBe(1);
    // Once only, and every listener removed.
    env.show('Taskpane');
    env.doc.visibilityState = 'visible';
    env.doc.emit('visibilitychange');
    expect(scans).toBe(1);
    expect(env.doc.count() + env.win.count()).toBe(0);
  });

  it('starts at once when the page is already visible (the pane opened from the ribbon)', () => {
    const env = hiddenRuntime();
    env.doc.visibilityState = 'visible';
    Object.assign(env.win, { innerWidth: 320, innerHeight: 600 });
    let scans = 0;
    whenFirstVisible({ document: env.doc, window: env.win, addin: env.addin }, () => scans++);
    expect(scans).toBe(1);
  });

  it('also starts on the page becoming visible with a size, or on the first interaction, without Office.addin', () => {
    const env = hiddenRuntime();
    let scans = 0;
    whenFirstVisible({ document: env.doc, window: env.win }, () => scans++);
    env.doc.visibilityState = 'visible';
    env.doc.emit('visibilitychange'); // visible but no size yet: still a hidden frame
    expect(scans).toBe(0);
    Object.assign(env.win, { innerWidth: 320, innerHeight: 600 });
    env.win.emit('resize');
    expect(scans).toBe(1);

    const env2 = hiddenRuntime();
    let scans2 = 0;
    whenFirstVisible({ document: env2.doc, window: env2.win, addin: env2.addin }, () => scans2++);
    env2.win.emit('pointerdown');
    expect(scans2).toBe(1);
  });

  it('an Office.addin whose visibility event throws leaves the page signals working', () => {
    const env = hiddenRuntime();
    let scans = 0;
    whenFirstVisible({ document: env.doc, window: env.win, addin: { onVisibilityModeChanged: () => { throw new Error('not supported'); } } }, () => scans++);
    expect(scans).toBe(0);
    env.win.emit('focusin');
    expect(scans).toBe(1);
  });
});
