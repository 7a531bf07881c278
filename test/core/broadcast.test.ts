/** Range broadcasting (FUNCTIONS.md "Any argument may be a range" / "One bad cell never blanks the column"). */
import { describe, it, expect } from 'vitest';
import { main, kindOf, NOW } from './_main';

const f = main.sheetFunctions({ now: NOW }) as Record<string, (...a: unknown[]) => any>;
const shape = (x: unknown[][]) => [x.length, x[0].length];

describe('broadcast shape', () => {
  it('a column of countries and one weight → a column; each cell equals the scalar call', () => {
    const countries = [['US'], ['BR'], ['巴西'], ['RU'], ['PL']];
    const r = f.SG_FEE(countries, 30);
    expect(shape(r)).toEqual([5, 1]);
    r.forEach((row: unknown[], i: number) => expect(row[0]).toBe(f.SG_FEE(countries[i][0], 30)));
  });
  it('a column × a row → the outer grid (rows of one, columns of the other), like Excel', () => {
    const r = f.SG_FEE([['US'], ['BR'], ['RU']], [[30, 60]]);
    expect(shape(r)).toEqual([3, 2]);
    expect(r).toEqual([
      [3.2, 4],
      [4.1, 4.9],
      [3.8, 4.6],
    ]);
  });
  it('two columns of the same height pair up row by row', () => {
    expect(f.PENALTY([[100], [1200], [100]], [[31], [31], [30]])).toEqual([[5], [50], [0]]);
    expect(f.SG_TRIGGER([[29.99], [30], [0.1 + 0.2]], [[30], [30], [0.3]])).toEqual([[false], [true], [true]]);
  });
  it('a 1-D array from Node is read as a column; a 1×1 range gives a 1×1 array', () => {
    expect(f.PENALTY_STALL([48, 49])).toEqual([[0], [1.2]]);
    expect(f.PENALTY_STALL([[49]])).toEqual([[1.2]]);
  });
  it('date results broadcast as Dates', () => {
    const r = f.UPLOAD_BY([['2024-06-01 10:00'], [45444]]);
    expect(r[0][0]).toBeInstanceOf(Date);
    expect(r[0][0].toISOString()).toBe('2024-06-02T10:00:00.000Z');
    expect(r[1][0].toISOString()).toBe('2024-06-02T00:00:00.000Z');
  });
  it('range-kind arguments (NODES_MISSING events, OFFLINE_ELIGIBLE months) take the whole range as one value', () => {
    const r = f.NODES_MISSING([['Order placed'], ['Picked up']]);
    expect(typeof r).toBe('string');
    expect(f.OFFLINE_ELIGIBLE([[60000, 52000, 51000]], [[0.97, 0.96, 0.95]])).toBe(true);
  });
});

describe('one bad cell never blanks the column', () => {
  it('each bad cell gets its own error with its reason; the others keep their values', () => {
    const r = f.SG_FEE([['US'], ['Atlantis'], ['EG'], ['BR'], ['DE']], [[30], [30], [30], [-5], ['heavy']]);
    expect(r[0][0]).toBe(3.2);
    expect(kindOf(r[1][0])).toBe('#VALUE!');
    expect(r[1][0].en).toMatch(/Atlantis/);
    expect(kindOf(r[2][0])).toBe('#N/A');
    expect(r[2][0].en).toMatch(/cash-on-delivery/);
    expect(kindOf(r[3][0])).toBe('#VALUE!');
    expect(r[3][0].en).toMatch(/weight_g: must be ≥ 0, got -5/);
    expect(kindOf(r[4][0])).toBe('#VALUE!');
    expect(r[4][0].en).toMatch(/"heavy"/);
  });
  it('an internal failure in one cell is also a per-cell value (host error mapping applies per cell)', () => {
    const g = main.sheetFunctions({ now: NOW, errorOut: (e: any) => `${e.kind} ${e.en}` }) as any;
    const r = g.PENALTY([[100], ['x'], [1200]], 31);
    expect(r).toEqual([[5], ['#VALUE! amount: must be a number, got "x"'], [50]]);
  });
});

describe('mismatched sizes', () => {
  it('a shorter column leaves #N/A in the rows it does not reach (the others keep values)', () => {
    const r = f.SG_FEE([['US'], ['BR'], ['DE']], [[30], [60]]);
    expect(shape(r)).toEqual([3, 1]);
    expect(r[0][0]).toBe(3.2);
    expect(r[1][0]).toBe(4.9);
    expect(kindOf(r[2][0])).toBe('#N/A');
    expect(r[2][0].en).toMatch(/weight_g range is smaller/);
  });
  it('a narrower row range gives #N/A in the extra columns', () => {
    const r = f.SG_FEE([['US', 'BR', 'RU']], [[30, 60]]);
    expect(r[0].slice(0, 2)).toEqual([3.2, 4.9]);
    expect(kindOf(r[0][2])).toBe('#N/A');
  });
  it('jagged rows from Node do not throw: a one-cell row broadcasts across, a short row gets #N/A', () => {
    expect(f.PENALTY([[100, 200], [300]], 31)).toEqual([[5, 10], [15, 15]]);
    const r = f.PENALTY([[100, 200, 300], [400, 500]], 31);
    expect(r[1].slice(0, 2)).toEqual([20, 25]);
    expect(kindOf(r[1][2])).toBe('#N/A');
  });
});

describe('fully-empty trailing rows stay blank', () => {
  it('rows whose every input is empty give "" (not an error, not 0); a half-empty row is an error', () => {
    const r = f.SG_FEE([['US'], ['BR'], [''], [null], ['']], [[30], [''], [null], [''], ['']]);
    expect(r[0][0]).toBe(3.2);
    expect(kindOf(r[1][0])).toBe('#VALUE!');
    expect(r.slice(2)).toEqual([[''], [''], ['']]);
  });
  it('a whole column selected (A2:A1000) with data in 3 rows: 3 values then blanks', () => {
    const col = Array.from({ length: 1000 }, (_, i) => [i < 3 ? 100 * (i + 1) : '']);
    const days = Array.from({ length: 1000 }, (_, i) => [i < 3 ? 31 : null]);
    const r = f.PENALTY(col, days);
    expect(r.slice(0, 3)).toEqual([[5], [10], [15]]);
    expect(r.slice(3).every((row: unknown[]) => row[0] === '')).toBe(true);
  });
  it('the host chooses what a blank is (Excel may want null→"" or its own)', () => {
    const g = main.sheetFunctions({ now: NOW, blank: '-' }) as any;
    expect(g.PENALTY_STALL([[49], ['']])).toEqual([[1.2], ['-']]);
    // never null (Excel shows null as 0): a null blank falls back to ""
    const h = main.sheetFunctions({ now: NOW, blank: null }) as any;
    expect(h.PENALTY_STALL([[49], ['']])).toEqual([[1.2], ['']]);
  });
  it('a single empty cell (not a range) is still a required-argument error', () => {
    expect(kindOf(f.PENALTY_STALL(''))).toBe('#VALUE!');
    expect(kindOf(f.PENALTY_STALL([['']])[0][0])).toBe('#VALUE!');
  });
});

describe('maxCells (spreadsheet hosts): the cap counts cells, the advice counts rows', async () => {
  const { callFunction } = await import('../../core/catalogue/call');
  const { getFunction } = await import('../../core/functions');
  it('[G-FEE] 8 rows × 2 columns over a 10-cell cap: split into blocks of at most 5 rows', () => {
    const countries = Array.from({ length: 8 }, () => ['US', 'BR']);
    const r = callFunction(getFunction('SG_FEE')!, [countries, 30], { maxCells: 10, now: Date.UTC(2024, 6, 1) }) as { en: string };
    expect(r.en).toContain('8 rows × 2 columns');
    expect(r.en).toContain('blocks of at most 5 rows');
  });
});
