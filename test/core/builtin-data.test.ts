/**
 * Issue 12: the built-in carrier table and rate cards are checked against their zod schemas here and
 * at build time (scripts/postbuild.mjs), no longer when the add-in scripts load.
 */
import { describe, it, expect } from 'vitest';
import * as z from 'zod/mini';
import { main } from './_main';
import { CarrierSchema, FormatSchema } from '../../core/tracking/table-schema';
import { CARRIER_DATA, FORMAT_DATA } from '../../core/tracking/data';

describe('built-in data against its schemas (off the load path)', () => {
  it('checkBuiltinData (the build-time check) finds no problem in the shipped table and cards', () => {
    expect(main.checkBuiltinData()).toEqual([]);
  });
  it('the carrier-table schemas reject broken data (the check can fail)', () => {
    expect(z.array(FormatSchema).safeParse(FORMAT_DATA).success).toBe(true);
    expect(z.array(CarrierSchema).safeParse(CARRIER_DATA).success).toBe(true);
    const f = structuredClone(FORMAT_DATA) as unknown as { length: number[] }[];
    f[0].length = [0, 99];
    expect(z.array(FormatSchema).safeParse(f).success).toBe(false);
    const c = structuredClone(CARRIER_DATA) as unknown as { aliases: string[] }[];
    c[0].aliases = [''];
    expect(z.array(CarrierSchema).safeParse(c).success).toBe(false);
  });
  it('a user card is still validated by the rate-card schema (built on first use)', () => {
    expect(main.RateCardSchema.safeParse({}).success).toBe(false);
    expect(main.RateCardSchema.safeParse(main.latestCard()).success).toBe(true);
  });
});
