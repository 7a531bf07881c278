/**
 * DOM rendering of the audit pane: builds the elements once and updates them from the controller's
 * state (so focus and open <details> survive updates). No flow logic here; see controller.ts.
 */
import type { Field } from '../core/audit/types';
import type { Lang, Text } from '../core/text';
import { BUILTIN_CARD_IDS, type PaneController, type PaneState } from './controller';
import { FIELD_GROUPS, T, builtinCardText, cardOkText, fmtInt, fmtMoney, progressText, sourceOption, sourceSummary, tr } from './i18n';

/** Wall-clock ms as "2024-06-01 10:30" (the clock the user reads; the core keeps it as UTC ms). */
const wallText = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ') : '');

type Attrs = Record<string, string | boolean | number | undefined | ((e: Event) => void)>;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...kids: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v as EventListener);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const k of kids) if (k !== null && k !== undefined) el.append(k);
  return el;
}

const REFRESH_SVG =
  '<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M13.5 2.5a.5.5 0 0 0-.5.5v1.6A6 6 0 1 0 14 8a.5.5 0 0 0-1 0 5 5 0 1 1-.9-2.9H10.5a.5.5 0 0 0 0 1h3a.5.5 0 0 0 .5-.5V3a.5.5 0 0 0-.5-.5Z"/></svg>';

let uid = 0;

export function renderPane(root: HTMLElement, ctl: PaneController): { update(s: PaneState): void; destroy(): void } {
  const id = `aep${++uid}`;
  const texts: [HTMLElement, Text, 'text' | 'title' | 'aria-label'][] = [];
  /** Element whose text (or attribute) follows the language. */
  const t = <E extends HTMLElement>(el: E, text: Text, what: 'text' | 'title' | 'aria-label' = 'text'): E => {
    texts.push([el, text, what]);
    return el;
  };

  // ── header ───────────────────────────────────────────────────────────────
  const btnEn = h('button', { type: 'button', lang: 'en', onclick: () => ctl.setLang('en') }, 'EN');
  const btnZh = h('button', { type: 'button', lang: 'zh-CN', onclick: () => ctl.setLang('zh') }, '中文');
  const seg = t(h('div', { class: 'aep-seg', role: 'group' }, btnEn, btnZh), T.langGroup, 'aria-label');
  const top = h(
    'header',
    { class: 'aep-top' },
    h('div', { class: 'aep-logo', 'aria-hidden': 'true' }, 'AE'),
    h('div', { class: 'aep-titles' }, t(h('h1', { class: 'aep-title' }), T.title), t(h('p', { class: 'aep-sub' }), T.subtitle)),
    seg,
  );
  const globalError = h('div', { class: 'aep-msg aep-err', role: 'alert', hidden: true }, h('div'));

  // ── 1. source ────────────────────────────────────────────────────────────
  const sourceSel = h('select', { id: `${id}-src`, onchange: (e) => void ctl.selectSource((e.target as HTMLSelectElement).value) });
  const refreshBtn = t(t(h('button', { type: 'button', class: 'aep-btn aep-icon', onclick: () => void ctl.refreshSources() }), T.refreshTitle, 'title'), T.refresh, 'aria-label');
  refreshBtn.innerHTML = REFRESH_SVG;
  const sourceMeta = h('p', { class: 'aep-meta', 'aria-live': 'polite' });
  // The zone of the file's times: AliExpress exports may be in US Pacific time ("now" is judged there).
  const tzSel = h('select', { id: `${id}-tz`, onchange: (e) => ctl.setTimeZone((e.target as HTMLSelectElement).value) });
  const TZ_CHOICES = ['', 'America/Los_Angeles', 'Asia/Shanghai', 'UTC', 'Europe/Moscow', 'America/Sao_Paulo', 'Europe/Madrid'];
  // "Open a file": the host reads it (pane/file-host.ts); shown only when the host can.
  const canOpen = typeof ctl.host.openFile === 'function';
  const fileOnly = canOpen && typeof ctl.host.reportFile === 'function';
  const openChosen = async (f: File | undefined | null) => {
    if (!f) return;
    const bytes = new Uint8Array(await f.arrayBuffer());
    await ctl.openFile(f.name, bytes);
  };
  const fileInput = h('input', {
    type: 'file',
    id: `${id}-file`,
    class: 'aep-file',
    accept: '.xlsx,.xlsm,.xls,.ods,.csv,.txt,.tsv',
    onchange: (e) => {
      const input = e.target as HTMLInputElement;
      void openChosen(input.files?.[0]).finally(() => (input.value = ''));
    },
  });
  const fileBox = canOpen
    ? h(
        'div',
        { class: 'aep-drop' },
        t(h('label', { class: 'aep-btn aep-filebtn', for: `${id}-file` }), T.openFile),
        fileInput,
        t(h('p', { class: 'aep-help' }), fileOnly ? T.openFileHelpOnly : T.openFileHelp),
      )
    : null;
  if (fileBox) {
    const over = (on: boolean) => fileBox.classList.toggle('aep-over', on);
    root.addEventListener('dragover', (e) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      over(true);
    });
    root.addEventListener('dragleave', () => over(false));
    root.addEventListener('drop', (e) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      over(false);
      void openChosen(e.dataTransfer.files[0]);
    });
  }
  const secSource = h(
    'section',
    { class: 'aep-sec', 'aria-labelledby': `${id}-h1` },
    t(h('h2', { class: 'aep-h', id: `${id}-h1` }), T.sourceHeading),
    ...(fileOnly ? [fileBox] : []),
    t(h('label', { class: 'aep-lbl', for: `${id}-src` }), fileOnly ? T.sourceLabelFile : T.sourceLabel),
    h('div', { class: 'aep-row' }, sourceSel, refreshBtn),
    sourceMeta,
    t(h('label', { class: 'aep-lbl', for: `${id}-tz` }), T.tzLabel),
    tzSel,
    ...(canOpen && !fileOnly ? [fileBox] : []),
  );

  // ── 2. mapping ───────────────────────────────────────────────────────────
  const mapCount = h('span', { class: 'aep-count' });
  const resetBtn = t(h('button', { type: 'button', class: 'aep-link', onclick: () => ctl.resetMapping() }), T.resetMapping);
  const mapBody = h('div', { class: 'aep-mapbody' });
  const mapSummary = h('summary', { class: 'aep-mapsum' });
  const mapDetails = h('details', { class: 'aep-mapdet' }, mapSummary, mapBody);
  let autoOpened = '';
  const skippedBox = h('details', { class: 'aep-note' });
  const unmatchedBox = h('details', { class: 'aep-note' });
  const secMap = h(
    'section',
    { class: 'aep-sec', 'aria-labelledby': `${id}-h2` },
    h('h2', { class: 'aep-h', id: `${id}-h2` }, t(h('span'), T.mappingHeading), mapCount),
    h('p', { class: 'aep-help' }, t(h('span'), T.mappingHelp), ' ', resetBtn),
    mapDetails,
    skippedBox,
    unmatchedBox,
  );
  mapDetails.addEventListener('toggle', () => {
    mapSummary.textContent = tr(mapDetails.open ? T.hideColumns : T.editColumns, ctl.state.lang);
  });
  const selects = new Map<Field, { row: HTMLLabelElement; sel: HTMLSelectElement; wrap: HTMLElement[] }>();
  let mapKey = '';

  function buildMapping(s: PaneState): void {
    const key = `${s.lang}|${s.sourceId}|${!!s.mapping}|${s.header.join('\u0001')}`;
    if (key === mapKey) return;
    mapKey = key;
    selects.clear();
    mapBody.replaceChildren();
    if (!s.mapping) return;
    const required = new Set(s.mapping.missingRequired);
    for (const group of FIELD_GROUPS) {
      mapBody.append(h('div', { class: 'aep-grp' }, tr(group.title, s.lang)));
      const grid = h('div', { class: 'aep-map' });
      for (const f of group.fields) {
        const selId = `${id}-f-${f}`;
        const label = ctl.fieldLabel(f);
        const isReq = f === 'orderId' || required.has(f);
        const lab = h(
          'label',
          { for: selId, title: tr(label, s.lang) },
          h('i', { class: 'aep-dot', 'aria-hidden': 'true' }),
          h('span', {}, tr(label, s.lang)),
          isReq ? h('b', { class: 'aep-req', title: tr(T.required, s.lang), 'aria-label': tr(T.required, s.lang) }, '*') : null,
        );
        const sel = h('select', {
          id: selId,
          onchange: (e) => {
            const v = (e.target as HTMLSelectElement).value;
            ctl.setMapping(f, v === '' ? null : Number(v));
          },
        });
        sel.append(h('option', { value: '' }, tr(T.notMapped, s.lang)));
        s.header.forEach((_, c) => sel.append(h('option', { value: String(c) }, columnName(s.header, c, s.lang))));
        grid.append(lab, sel);
        selects.set(f, { row: lab, sel, wrap: [lab, sel] });
      }
      mapBody.append(grid);
    }
  }

  function updateMapping(s: PaneState): void {
    buildMapping(s);
    const m = s.mapping;
    secMap.hidden = !m;
    if (!m) return;
    let mapped = 0;
    for (const [f, { sel, wrap }] of selects) {
      const c = m.mapping[f];
      const on = c !== undefined;
      if (on) mapped++;
      sel.value = on ? String(c) : '';
      sel.disabled = ctl.running;
      for (const el of wrap) {
        el.classList.toggle('aep-on', on);
        el.classList.toggle('aep-off', !on);
      }
    }
    mapCount.textContent = s.lang === 'zh' ? `已对应 ${mapped} / ${selects.size}` : `${mapped} of ${selects.size} mapped`;
    mapSummary.textContent = tr(mapDetails.open ? T.hideColumns : T.editColumns, s.lang);
    // A required column is missing: open the list once per source so the user sees where to fix it.
    if (m.missingRequired.length && autoOpened !== s.sourceId) {
      autoOpened = s.sourceId ?? '';
      mapDetails.open = true;
      mapSummary.textContent = tr(T.hideColumns, s.lang);
    }
    resetBtn.hidden = Object.keys(s.overrides).length === 0;
    resetBtn.disabled = ctl.running;

    const open = skippedBox.open;
    skippedBox.replaceChildren();
    skippedBox.className = m.skippedRules.length ? 'aep-note aep-warnnote' : 'aep-note';
    if (m.skippedRules.length) {
      skippedBox.append(h('summary', {}, `${tr(T.skippedHeading, s.lang)} (${m.skippedRules.length})`));
      const ul = h('ul');
      for (const r of m.skippedRules) {
        const name = ctl.ruleTitle(r.rule);
        const needs = r.missing.map((f) => tr(ctl.fieldLabel(f), s.lang)).join(s.lang === 'zh' ? '、' : ', ');
        ul.append(
          h(
            'li',
            {},
            h('b', {}, h('span', { class: 'aep-code' }, r.rule), name ? ` ${tr(name, s.lang)}` : ''),
            s.lang === 'zh' ? ` — ${T.needs.zh}：${needs}` : ` — ${T.needs.en}: ${needs}`,
          ),
        );
      }
      skippedBox.append(ul);
      skippedBox.open = open;
    } else {
      skippedBox.append(h('summary', {}, tr(T.allRulesRun, s.lang)));
    }

    const open2 = unmatchedBox.open;
    unmatchedBox.replaceChildren();
    unmatchedBox.hidden = m.unmatched.length === 0;
    if (m.unmatched.length) {
      unmatchedBox.append(h('summary', {}, `${tr(T.unmatchedHeading, s.lang)} (${m.unmatched.length})`));
      const ul = h('ul');
      for (const u of m.unmatched) {
        // A near match ("运单" for the tracking number) comes with its choice pre-filled: one click maps it.
        const near = m.nearMatches?.find((n) => n.column === u.column);
        const use = near
          ? h('button', { type: 'button', class: 'aep-link', disabled: ctl.running, onclick: () => ctl.setMapping(near.field, near.column) }, ` ${tr(T.useAs, s.lang)} ${tr(ctl.fieldLabel(near.field), s.lang)}`)
          : null;
        ul.append(h('li', {}, columnName(s.header, u.column, s.lang), use));
      }
      unmatchedBox.append(ul);
      unmatchedBox.open = open2;
    }
  }

  // ── 3. run ───────────────────────────────────────────────────────────────
  const blocker = h('div', { class: 'aep-msg aep-warn', role: 'status', hidden: true }, h('div'));
  const runBtn = t(h('button', { type: 'button', class: 'aep-btn aep-primary', onclick: () => void ctl.run() }), T.run);
  const cancelBtn = t(h('button', { type: 'button', class: 'aep-btn', onclick: () => ctl.cancel() }), T.cancel);
  const bar = h('div', { class: 'aep-bar' }, h('div'));
  const progText = h('span');
  const progPct = h('span');
  const prog = h(
    'div',
    { class: 'aep-prog', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, hidden: true },
    bar,
    h('div', { class: 'aep-progtext', 'aria-live': 'polite' }, progText, progPct),
  );
  const runMsg = h('div', { class: 'aep-msg', role: 'status', hidden: true }, h('div'));
  const result = h('div', { class: 'aep-result', hidden: true });
  // Rate card for the run: built-in, or a sheet the user picks (read and checked when picked).
  const cardSel = h('select', { id: `${id}-card`, onchange: (e) => void ctl.selectCard((e.target as HTMLSelectElement).value || undefined) });
  const cardMsg = h('div', { class: 'aep-msg', role: 'status', hidden: true }, h('div'));
  const cardBox = h(
    'div',
    { class: 'aep-card', hidden: true },
    t(h('label', { class: 'aep-lbl', for: `${id}-card` }), T.rateCardPick),
    cardSel,
    t(h('p', { class: 'aep-help' }), T.rateCardPickHelp),
    cardMsg,
  );
  const canPickCard = typeof ctl.host.listSheets === 'function' && typeof ctl.host.readSheet === 'function';
  let cardKey = '';
  function updateCard(s: PaneState): void {
    cardBox.hidden = !canPickCard;
    if (!canPickCard) return;
    const key = `${s.lang}|${s.rateSheets.map((x) => `${x.id}:${x.name}:${x.rateCard ? 1 : 0}`).join('|')}`;
    if (key !== cardKey) {
      cardKey = key;
      cardSel.replaceChildren(
        h('option', { value: '' }, tr(builtinCardText(BUILTIN_CARD_IDS), s.lang)),
        ...s.rateSheets.map((x) =>
          h('option', { value: x.id }, `${tr(T.fromSheet, s.lang)}${s.lang === 'zh' ? '：' : ': '}${x.name}${x.rateCard ? (s.lang === 'zh' ? `（${T.insertedTag.zh}）` : ` (${T.insertedTag.en})`) : ''}`),
        ),
      );
    }
    const c = s.card;
    cardSel.value = c.status === 'builtin' ? '' : c.sheetId;
    cardSel.disabled = s.run.status === 'running';
    const msg = (cls: string, text: string | undefined) => {
      cardMsg.hidden = !text;
      cardMsg.className = `aep-msg ${cls}`;
      cardMsg.setAttribute('role', cls === 'aep-err' ? 'alert' : 'status');
      (cardMsg.firstChild as HTMLElement).textContent = text ?? '';
    };
    if (c.status === 'checking') msg('aep-info', tr(T.checkingCard, s.lang));
    else if (c.status === 'ok') msg('aep-ok', tr(cardOkText(c.id, c.effective), s.lang));
    else if (c.status === 'error') msg('aep-err', tr(c.error, s.lang));
    else msg('aep-info', undefined);
  }
  const secRun = h(
    'section',
    { class: 'aep-sec', 'aria-labelledby': `${id}-h3` },
    t(h('h2', { class: 'aep-h', id: `${id}-h3` }), T.runHeading),
    blocker,
    cardBox,
    h('div', { class: 'aep-actions' }, runBtn, cancelBtn),
    prog,
    runMsg,
    result,
  );

  function updateRun(s: PaneState): void {
    const running = s.run.status === 'running';
    const show = (el: HTMLElement, text: Text | undefined, cls?: string) => {
      el.hidden = !text;
      if (cls) el.className = `aep-msg ${cls}`;
      (el.firstChild as HTMLElement).textContent = text ? tr(text, s.lang) : '';
    };
    show(blocker, !running && s.sourceId && !s.headerLoading ? s.blocker : undefined);
    runBtn.disabled = running || !s.sourceId || !s.mapping || !!s.blocker || s.headerLoading || s.sourcesLoading;
    cancelBtn.hidden = !running;
    cancelBtn.disabled = !running || (s.run.status === 'running' && (s.run.phase === 'write' || s.run.cancelling));
    cancelBtn.textContent = tr(s.run.status === 'running' && s.run.cancelling ? T.cancelling : T.cancel, s.lang);
    sourceSel.disabled = running || s.sourcesLoading;
    refreshBtn.disabled = running || s.sourcesLoading;

    prog.hidden = !running;
    if (s.run.status === 'running') {
      const { phase, done, total } = s.run;
      const indet = phase === 'prepare' || total === 0;
      bar.classList.toggle('aep-indet', indet);
      const pct = indet ? 0 : Math.round((100 * done) / total);
      (bar.firstChild as HTMLElement).style.width = indet ? '' : `${pct}%`;
      prog.setAttribute('aria-valuenow', String(pct));
      progText.textContent = progressText(phase, done, total, s.lang);
      progPct.textContent = indet ? '' : `${pct}%`;
      cancelBtn.title = phase === 'write' ? tr(T.noCancelWhileWriting, s.lang) : '';
    }

    if (s.run.status === 'cancelled') show(runMsg, T.cancelled, 'aep-info');
    else if (s.run.status === 'error') show(runMsg, s.run.error, 'aep-err');
    else show(runMsg, undefined);
    runMsg.setAttribute('role', s.run.status === 'error' ? 'alert' : 'status');

    result.hidden = s.run.status !== 'done';
    if (s.run.status === 'done') renderResult(s.run.summary, s.lang);
  }

  function renderResult(r: Extract<PaneState['run'], { status: 'done' }>['summary'], L: Lang): void {
    const stat = (label: Text, value: string, cls = '') => h('div', { class: `aep-stat ${cls}` }, h('dt', {}, tr(label, L)), h('dd', {}, value));
    const secs = r.ms >= 1000 ? `${(r.ms / 1000).toFixed(1)} s` : `${r.ms} ms`;
    const none = r.bySeverity.error + r.bySeverity.warning + r.bySeverity.info === 0;
    const colon = L === 'zh' ? '：' : ': ';
    const card =
      r.rateCard.source === 'builtin'
        ? L === 'zh'
          ? `${T.builtinShort.zh}（${r.rateCard.ids.join('、')}）`
          : `${T.builtinShort.en} (${r.rateCard.ids.join(', ')})`
        : L === 'zh'
          ? `工作表“${r.rateCard.sheet}”（${r.rateCard.id}）`
          : `sheet “${r.rateCard.sheet}” (${r.rateCard.id})`;
    const extras: HTMLElement[] = [];
    if (r.notes.length) {
      extras.push(
        h('div', { class: 'aep-msg aep-info', role: 'status' }, h('div', {}, h('b', {}, tr(T.notesHeading, L)), h('ul', {}, ...r.notes.map((n) => h('li', {}, tr(n, L)))))),
      );
    }
    if (r.skippedRules.length) {
      const sep = L === 'zh' ? '、' : ', ';
      extras.push(
        h(
          'details',
          { class: 'aep-note aep-warnnote' },
          h('summary', {}, `${tr(T.skippedInRun, L)} (${r.skippedRules.length})`),
          h(
            'ul',
            {},
            ...r.skippedRules.map((k) => {
              const name = ctl.ruleTitle(k.rule);
              const needs = k.missing.map((f) => tr(ctl.fieldLabel(f), L)).join(sep);
              return h('li', {}, h('b', {}, h('span', { class: 'aep-code' }, k.rule), name ? ` ${tr(name, L)}` : ''), ` — ${tr(T.needs, L)}${colon}${needs}`);
            }),
          ),
        ),
      );
    }
    result.replaceChildren(
      h('h3', {}, h('span', {}, tr(T.doneHeading, L)), h('small', {}, secs)),
      h(
        'dl',
        { class: 'aep-stats' },
        stat(T.rowsAudited, fmtInt(r.rowsAudited, L)),
        stat(T.rowsAffected, fmtInt(r.rowsAffected, L)),
        stat(T.errors, fmtInt(r.bySeverity.error, L), r.bySeverity.error ? 'aep-e' : ''),
        stat(T.warnings, fmtInt(r.bySeverity.warning, L), r.bySeverity.warning ? 'aep-w' : ''),
        stat(T.infos, fmtInt(r.bySeverity.info, L)),
        stat(T.giftFees, `¥${fmtMoney(r.giftFeesCny, L)}`),
        stat(T.penalties, `$${fmtMoney(r.penaltiesUsd, L)}`),
      ),
      h(
        'div',
        { class: 'aep-sheets' },
        none ? `${tr(T.noFindings, L)} ` : null,
        `${tr(T.writtenTo, L)}${colon}`,
        ...r.sheets.flatMap((n, i) => [i ? (L === 'zh' ? '、' : ', ') : '', h('b', {}, n)]),
      ),
      h('p', { class: 'aep-meta aep-asof' }, `${tr(T.asOf, L)}${colon}${wallText(r.asOf)} · ${tr(T.rateCardUsed, L)}${colon}${card}`),
      ...extras,
      ...(r.chartError ? [h('div', { class: 'aep-msg aep-warn', role: 'status' }, h('div', {}, tr(r.chartError, L)))] : []),
      ...(typeof ctl.host.reportFile === 'function'
        ? [
            h('div', { class: 'aep-actions' }, h('button', { type: 'button', class: 'aep-btn aep-primary aep-download', onclick: () => downloadReport() }, tr(T.downloadReport, L))),
            h('p', { class: 'aep-help' }, tr(T.downloadHelp, L)),
          ]
        : []),
    );
  }

  function downloadReport(): void {
    const file = ctl.host.reportFile?.();
    if (!file) return;
    saveBytes(file.name, file.bytes);
  }

  // ── rate card ────────────────────────────────────────────────────────────
  const rateBtn = t(h('button', { type: 'button', class: 'aep-btn', onclick: () => void ctl.insertRateCard() }), fileOnly ? T.downloadRateCard : T.insertRateCard);
  const rateMsg = h('div', { class: 'aep-msg', role: 'status', hidden: true }, h('div'));
  const secRate = h(
    'section',
    { class: 'aep-sec', 'aria-labelledby': `${id}-h4` },
    t(h('h2', { class: 'aep-h', id: `${id}-h4` }), T.rateHeading),
    t(h('p', { class: 'aep-help' }), fileOnly ? T.rateHelpFile : T.rateHelp),
    rateBtn,
    rateMsg,
  );

  function updateRate(s: PaneState): void {
    rateBtn.disabled = s.rateCard.status === 'busy';
    const rc = s.rateCard;
    rateMsg.hidden = rc.status === 'idle' || rc.status === 'busy';
    if (rc.status === 'done') {
      rateMsg.className = 'aep-msg aep-ok';
      (rateMsg.firstChild as HTMLElement).textContent = `${tr(fileOnly ? T.rateCardDownloaded : T.rateCardInserted, s.lang)}${s.lang === 'zh' ? '：' : ': '}${rc.sheet}`;
    } else if (rc.status === 'error') {
      rateMsg.className = 'aep-msg aep-err';
      (rateMsg.firstChild as HTMLElement).textContent = tr(rc.error, s.lang);
    }
  }

  // ── source list ──────────────────────────────────────────────────────────
  let srcKey = '';
  function updateSources(s: PaneState): void {
    const key = `${s.lang}|${s.sources.map((x) => `${x.id}:${x.rows}`).join('|')}`;
    if (key !== srcKey) {
      srcKey = key;
      sourceSel.replaceChildren(...s.sources.map((x) => h('option', { value: x.id }, sourceOption(x.label, x.rows, s.lang))));
      if (!s.sources.length) sourceSel.append(h('option', { value: '' }, tr(T.chooseSource, s.lang)));
    }
    sourceSel.value = s.sourceId ?? '';
    const src = s.sources.find((x) => x.id === s.sourceId);
    if (s.sourcesLoading) sourceMeta.replaceChildren(h('span', { class: 'aep-spin', 'aria-hidden': 'true' }), ' ', s.readingFile ? `${tr(T.readingFile, s.lang)} ${s.readingFile}` : tr(T.loadingSources, s.lang));
    else if (!s.sources.length) sourceMeta.replaceChildren(tr(ctl.noSourcesText(), s.lang));
    else if (s.headerLoading) sourceMeta.replaceChildren(h('span', { class: 'aep-spin', 'aria-hidden': 'true' }), ' ', tr(T.loadingHeader, s.lang));
    else if (src) {
      const hdr = s.lang === 'zh' ? ` · 表头在第 ${src.headerRow} 行` : ` · header in row ${src.headerRow}`;
      sourceMeta.replaceChildren(sourceSummary(src.rows, src.columns, s.lang) + hdr);
    } else sourceMeta.replaceChildren();
    const tzKey = `${s.lang}|${s.timeZone}`;
    if (tzKey !== tzShown) {
      tzShown = tzKey;
      const choices = TZ_CHOICES.includes(s.timeZone) ? TZ_CHOICES : [...TZ_CHOICES, s.timeZone];
      tzSel.replaceChildren(...choices.map((z) => h('option', { value: z }, z === '' ? tr(T.tzLocal, s.lang) : z)));
      tzSel.value = s.timeZone;
    }
    tzSel.disabled = ctl.running;
  }
  let tzShown = '';

  // ── assemble ─────────────────────────────────────────────────────────────
  const main = h('div', { class: 'aep', lang: 'en' }, top, globalError, secSource, secMap, secRun, secRate);
  root.append(main);

  function update(s: PaneState): void {
    main.setAttribute('lang', s.lang === 'zh' ? 'zh-CN' : 'en');
    btnEn.setAttribute('aria-pressed', String(s.lang === 'en'));
    btnZh.setAttribute('aria-pressed', String(s.lang === 'zh'));
    for (const [el, text, what] of texts) {
      if (what === 'text') el.textContent = tr(text, s.lang);
      else el.setAttribute(what, tr(text, s.lang));
    }
    refreshBtn.innerHTML = REFRESH_SVG;
    globalError.hidden = !s.error;
    (globalError.firstChild as HTMLElement).textContent = s.error ? tr(s.error, s.lang) : '';
    updateSources(s);
    updateMapping(s);
    updateRun(s);
    updateCard(s);
    updateRate(s);
  }

  return {
    update,
    destroy: () => main.remove(),
  };
}

/** Offer bytes as a file download (an object URL on a temporary link; no network). */
export function saveBytes(name: string, bytes: Uint8Array, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A header column as the user sees it; empty or repeated headers get their position ("column 3"). */
export function columnName(header: string[], c: number, lang: Lang): string {
  const name = header[c] ?? '';
  const pos = lang === 'zh' ? `第 ${c + 1} 列` : `column ${c + 1}`;
  if (!name) return `(${pos})`;
  return header.indexOf(name) !== header.lastIndexOf(name) ? `${name} (${pos})` : name;
}
