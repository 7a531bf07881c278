/**
 * Issue 12: the Sheets server library carries i18n-iso-countries' data as compact text
 * (webpack/shims/iso-countries-loader.cjs). Decoded, it must be exactly what core/countries.ts reads
 * everywhere else: every alpha-2/alpha-3 pair and every English and Chinese name, in order.
 */
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const loader = require('../../webpack/shims/iso-countries-loader.cjs') as (source: string) => string;

function load(file: string): { text: string; value: unknown } {
  const text = loader(readFileSync(require.resolve(`i18n-iso-countries/${file}`), 'utf8'));
  const module = { exports: {} as unknown };
  vm.runInNewContext(text, { module });
  return { text, value: JSON.parse(JSON.stringify(module.exports)) };
}

describe('webpack/shims/iso-countries-loader.cjs', () => {
  it('codes.json: the alpha-2 and alpha-3 code of every row, in order, and less text', () => {
    const raw = require('i18n-iso-countries/codes.json') as string[][];
    const { text, value } = load('codes.json');
    expect(value).toEqual(raw.map((r) => [r[0], r[1]]));
    expect(raw.length).toBeGreaterThan(240);
    expect(text.length).toBeLessThan(JSON.stringify(value).length / 2);
  });

  for (const lang of ['en', 'zh']) {
    it(`langs/${lang}.json: every country's names (one or several), unchanged`, () => {
      const raw = require(`i18n-iso-countries/langs/${lang}.json`);
      const { text, value } = load(`langs/${lang}.json`);
      expect(value).toEqual(raw);
      expect(Object.keys((value as { countries: object }).countries)).toEqual(Object.keys(raw.countries));
      expect(Buffer.byteLength(text)).toBeLessThan(Buffer.byteLength(JSON.stringify(raw)));
    });
  }

  it('refuses data it cannot encode losslessly (a "|" or line break in a name)', () => {
    expect(() => loader(JSON.stringify({ locale: 'xx', countries: { AA: 'A|B' } }))).toThrow(/unexpected entry AA/);
    expect(() => loader(JSON.stringify([['A1', 'AAA']]))).toThrow(/unexpected codes/);
  });
});
