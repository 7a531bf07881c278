/**
 * Local demo page (dist/pane-demo/index.html): the audit pane over the in-memory host with seeded
 * sample orders. `?lang=zh` starts in Chinese, `?delay=ms` sets the simulated host latency,
 * `?rows=n` the number of sample orders. Tests read `window.__paneDemo.workbook`.
 */
import { mountAuditPane } from '../index';
import { createMemoryHost, type MemoryWorkbook } from '../memory-host';
import { SAMPLE_NOW, sampleWorkbook } from './sample';

declare global {
  interface Window {
    __paneDemo?: { workbook: MemoryWorkbook; pane: ReturnType<typeof mountAuditPane> };
  }
}

const q = new URLSearchParams(location.search);
const num = (k: string, d: number) => {
  const v = Number(q.get(k));
  return Number.isFinite(v) && v >= 0 && q.has(k) ? v : d;
};
const workbook = sampleWorkbook(Math.min(num('rows', 300), 200_000));
const host = createMemoryHost(workbook, {
  lang: q.get('lang') === 'zh' || (!q.has('lang') && /^zh/i.test(navigator.language)) ? 'zh' : 'en',
  delayMs: num('delay', 60),
});
const root = document.getElementById('app') ?? document.body;
const pane = mountAuditPane(root, host, { now: SAMPLE_NOW, chunkSize: num('chunk', 100) || 100 });
window.__paneDemo = { workbook, pane };

// ── a small read-only view of the workbook next to the pane, so the outputs can be seen ──
const tabs = document.getElementById('tabs');
const grid = document.getElementById('grid');
let shown = workbook.activeSheet ?? '';
function drawWorkbook(): void {
  if (!tabs || !grid) return;
  if (!workbook.getSheet(shown)) shown = workbook.sheetNames()[0] ?? '';
  tabs.replaceChildren(
    ...workbook.sheets.map((s) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = s.name;
      b.className = `tab ${s.kind}`;
      b.setAttribute('aria-pressed', String(s.name === shown));
      b.onclick = () => {
        shown = s.name;
        drawWorkbook();
      };
      return b;
    }),
  );
  const sheet = workbook.getSheet(shown);
  const table = document.createElement('table');
  const hi = new Set(sheet?.format?.highlightRows ?? []);
  (sheet?.cells ?? []).slice(0, 60).forEach((row, r) => {
    const tr = document.createElement('tr');
    if (hi.has(r)) tr.className = 'bad';
    const th = document.createElement('th');
    th.textContent = String(r + 1);
    tr.append(th);
    for (const v of row ?? []) {
      const td = document.createElement(r === 0 && sheet?.kind !== 'user' ? 'th' : 'td');
      td.textContent = v === null || v === undefined ? '' : String(v);
      tr.append(td);
    }
    table.append(tr);
  });
  grid.replaceChildren(table);
  const charts = workbook.charts.filter((c) => c.sheet === shown);
  for (const c of charts) {
    const p = document.createElement('p');
    p.className = 'chart';
    p.textContent = `📊 ${c.titleText} (${c.rows})`;
    grid.prepend(p);
  }
}
pane.controller.subscribe((s) => {
  if (s.run.status === 'done' || s.rateCard.status === 'done') {
    const out = s.run.status === 'done' ? s.run.summary.sheets[0] : undefined;
    if (out && out !== shown && s.run.status === 'done') shown = out;
    drawWorkbook();
  }
});
drawWorkbook();
