/** The reference sections `functions`, `ratecard`, `node` in docs/ are generated (scripts/gen-readme.mjs) and must be up to date. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { main } from './_main';
// @ts-expect-error: plain .mjs script without type declarations
import * as gen from '../../scripts/gen-readme.mjs';

describe('generated reference sections (docs/)', () => {
  const docs = gen.DOCS as Record<'functions' | 'ratecard' | 'node', string>;
  const text = (k: keyof typeof docs) => readFileSync(docs[k], 'utf8');
  it('functions / ratecard / node are up to date (run `npm run readme` after changing the catalogue or the card)', () => {
    for (const k of Object.keys(docs) as (keyof typeof docs)[]) expect(gen.generate(text(k), main, [k]), docs[k]).toBe(text(k));
  });
  it('the functions table has one row per catalogue function, with its rule ids and an example', () => {
    const readme = text('functions');
    const body = readme.slice(readme.indexOf('<!-- section:functions -->'), readme.indexOf('<!-- /section:functions -->'));
    for (const d of main.CATALOGUE) {
      const row = body.split('\n').find((l) => l.startsWith(`| \`${d.name}\``));
      expect(row, d.name).toBeDefined();
      for (const r of d.rules) expect(row).toContain(`[${r}]`);
      expect(row).toContain(d.examples[0].formula.replace(/\|/g, '\\|'));
    }
  });
  it('functions listed as not built yet are really not in the catalogue (a built one must leave the list)', () => {
    const readme = text('functions');
    const body = readme.slice(readme.indexOf('<!-- section:missing -->'), readme.indexOf('<!-- /section:missing -->'));
    const missing = [...body.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    for (const n of missing) expect(main.CATALOGUE.some((d: { name: string }) => d.name === n), n).toBe(false);
  });
  it('the rate card table lists every key of cardToTable(STANDARD_2024) with its value', () => {
    const readme = text('ratecard');
    const body = readme.slice(readme.indexOf('<!-- section:ratecard -->'), readme.indexOf('<!-- /section:ratecard -->'));
    for (const [k, v] of main.cardToTable(main.STANDARD_2024).slice(1)) expect(body).toContain(`| \`${k}\` | ${v} |`);
  });
  it('the Node example runs against the built main entry and prints what the README says', () => {
    const req = createRequire(import.meta.url);
    const lines: string[] = [];
    const con = { log: (...a: unknown[]) => lines.push(a.map(String).join(' ')) };
    new Function('require', 'console', gen.NODE_EXAMPLE)((n: string) => (n === 'ae-seller-rules' ? main : req(n)), con);
    expect(lines[0]).toBe('A1: tracking number uploaded late [X-UPLOAD]');
    expect(lines[1]).toMatch(/^A3: no gift fee: #N\/A Small Gifts are not offered in Egypt \(EG\): cash-on-delivery market \[G-COD\] \/ .*货到付款/);
    // BR 2.60 + 1.50 (no NFe) + PL 2.60 + 0.80 (60 g); $50 (capped) + 5% of $35.50
    expect(lines[2]).toBe('gift fees ¥7.50, timeout penalties $51.78');
    expect(lines.slice(3)).toEqual(['3', '新兴市场']);
    expect(text('node')).toContain('gift fees ¥7.50, timeout penalties $51.78');
  });
});
