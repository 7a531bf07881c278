/**
 * The function playground of the browser app: pick any catalogue function, type its arguments as you
 * would in a cell, see the result and — for an error — its reason (the same call layer as Excel,
 * Sheets and Node: core/catalogue/call). A function with a companion "why" function (TRACK_VALID →
 * TRACK_WHY, SG_ELIGIBLE → SG_ELIGIBLE_WHY) shows that reason too.
 */
import { callFunction } from '../core/catalogue/call';
import type { FunctionDef } from '../core/catalogue/types';
import { isRuleError } from '../core/errors';
import { CATALOGUE, getFunction } from '../core/functions';
import type { Lang, Text } from '../core/text';
import { tr } from '../pane/i18n';

const UI = {
  heading: { en: 'Function playground', zh: '函数试算' },
  help: {
    en: 'Try any spreadsheet function: type the arguments as you would in a cell (text, numbers, TRUE/FALSE, dates like 2024-06-01 10:00). Empty = not given.',
    zh: '试用任一表格函数：像在单元格中一样输入参数（文字、数字、TRUE/FALSE、日期如 2024-06-01 10:00）。留空 = 不提供。',
  },
  pick: { en: 'Function', zh: '函数' },
  calc: { en: 'Calculate', zh: '计算' },
  result: { en: 'Result', zh: '结果' },
  reason: { en: 'Reason', zh: '原因' },
  optional: { en: 'optional', zh: '可选' },
  example: { en: 'Example', zh: '示例' },
};

/** A companion function giving the reason (X → X_WHY, TRACK_VALID → TRACK_WHY). */
export function whyOf(def: FunctionDef): FunctionDef | undefined {
  if (def.name.endsWith('_WHY')) return undefined;
  return getFunction(`${def.name}_WHY`) ?? (def.name === 'TRACK_VALID' ? getFunction('TRACK_WHY') : undefined);
}

function show(v: unknown, lang: Lang): string {
  if (v === '' || v === undefined || v === null) return '""';
  if (isRuleError(v)) return `${v.kind} ${tr(v, lang)}`;
  if (v instanceof Date) return v.toISOString().slice(0, 16).replace('T', ' ');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Math.round(v * 1e6) / 1e6);
  if (typeof v === 'object' && v && 'en' in v && 'zh' in v) return tr(v as Text, lang);
  return String(v);
}

/** Evaluate `def` with typed text arguments ('' = omitted); result and reason as display text. */
export function evaluate(def: FunctionDef, texts: string[], lang: Lang): { result: string; reason?: string; error: boolean } {
  const args = texts.map((t) => (t.trim() === '' ? undefined : t));
  const opts = { lang, dateOut: (ms: number) => new Date(ms), errorOut: (e: unknown) => e };
  const out = callFunction(def, args, opts);
  const error = isRuleError(out);
  let reason: string | undefined;
  if (error) reason = show(out, lang);
  const why = whyOf(def);
  if (why && !error) {
    const w = callFunction(why, args.slice(0, why.args.length), opts);
    const text = show(w, lang);
    if (text !== '""') reason = text;
  }
  return { result: show(out, lang), reason, error };
}

export function mountPlayground(root: HTMLElement, getLang: () => Lang): { update(): void } {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const h2 = el('h2');
  const help = el('p', 'pg-help');
  const pickLabel = el('label');
  pickLabel.htmlFor = 'pg-fn';
  const select = el('select');
  select.id = 'pg-fn';
  const desc = el('p', 'pg-desc');
  const argsBox = el('div', 'pg-args');
  const calc = el('button', 'pg-calc');
  calc.type = 'button';
  const out = el('div', 'pg-out');
  out.setAttribute('role', 'status');
  out.setAttribute('aria-live', 'polite');
  root.append(h2, help, pickLabel, select, desc, argsBox, calc, out);
  let inputs: HTMLInputElement[] = [];

  function drawArgs(): void {
    const lang = getLang();
    const def = getFunction(select.value) ?? CATALOGUE[0];
    desc.textContent = `${tr(def.help, lang)}${def.examples[0] ? `  ${tr(UI.example, lang)}: =${def.examples[0].formula}` : ''}`;
    const keep = inputs.map((i) => i.value);
    const same = argsBox.dataset.fn === def.name;
    argsBox.replaceChildren();
    argsBox.dataset.fn = def.name;
    inputs = def.args.map((a, i) => {
      const row = el('div', 'pg-arg');
      const lab = el('label', undefined, `${lang === 'zh' ? a.nameZh : a.name}${a.optional ? ` (${tr(UI.optional, lang)})` : ''}`);
      const input = el('input');
      input.id = `pg-arg-${i}`;
      input.name = a.name;
      lab.htmlFor = input.id;
      input.title = tr(a.help, lang);
      input.placeholder = tr(a.help, lang).slice(0, 60);
      if (same) input.value = keep[i] ?? '';
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') run();
      });
      row.append(lab, input);
      argsBox.append(row);
      return input;
    });
  }

  function run(): void {
    const lang = getLang();
    const def = getFunction(select.value) ?? CATALOGUE[0];
    const r = evaluate(def, inputs.map((i) => i.value), lang);
    out.replaceChildren();
    const res = el('p', r.error ? 'pg-err' : 'pg-ok');
    res.append(el('b', undefined, `${tr(UI.result, lang)}: `), `=${def.name}(…) → ${r.result}`);
    out.append(res);
    if (r.reason && !r.error) {
      const why = el('p', 'pg-why');
      why.append(el('b', undefined, `${tr(UI.reason, lang)}: `), r.reason);
      out.append(why);
    }
  }

  select.addEventListener('change', () => {
    drawArgs();
    out.replaceChildren();
  });
  calc.addEventListener('click', run);

  function update(): void {
    const lang = getLang();
    h2.textContent = tr(UI.heading, lang);
    help.textContent = tr(UI.help, lang);
    pickLabel.textContent = tr(UI.pick, lang);
    calc.textContent = tr(UI.calc, lang);
    const current = select.value || CATALOGUE[0].name;
    select.replaceChildren(
      ...CATALOGUE.map((d) => {
        const o = el('option', undefined, `${d.name} — ${lang === 'zh' ? d.nameZh : tr(d.help, lang).slice(0, 50)}`);
        o.value = d.name;
        return o;
      }),
    );
    select.value = current;
    drawArgs();
    if (out.childNodes.length) run();
  }
  update();
  return { update };
}
