/**
 * The zod schemas of the carrier table's data (data.ts). Off the load path: compileTable trusts the
 * built-in data, which the tests and the build (checkBuiltinData via scripts/postbuild.mjs) check here.
 */
import * as z from 'zod/mini';

const text = z.strictObject({ en: z.string().check(z.minLength(1)), zh: z.string().check(z.minLength(1)) });
const id = z.string().check(z.regex(/^[a-z0-9_]+$/));
const weights = z.array(z.int().check(z.minimum(0), z.maximum(99))).check(z.minLength(1), z.maxLength(40));

const ChecksumSchema = z.discriminatedUnion('name', [
  z.strictObject({
    name: z.literal('mod10'),
    evens_multiplier: z.optional(z.int().check(z.minimum(1), z.maximum(9))),
    odds_multiplier: z.optional(z.int().check(z.minimum(1), z.maximum(9))),
    reverse: z.optional(z.boolean()),
  }),
  z.strictObject({ name: z.literal('mod7') }),
  z.strictObject({ name: z.literal('s10'), weightings: z.optional(weights) }),
  z.strictObject({ name: z.literal('luhn') }),
  z.strictObject({
    name: z.literal('sum_product_with_weightings_and_modulo'),
    weightings: weights,
    modulo1: z.int().check(z.minimum(2), z.maximum(1000)),
    modulo2: z.int().check(z.minimum(2), z.maximum(1000)),
  }),
  z.strictObject({ name: z.literal('mod_37_36') }),
]);

export const FormatSchema = z.strictObject({
  id,
  name: text,
  pattern: z.string().check(z.minLength(1), z.maxLength(400)),
  length: z.tuple([z.int().check(z.minimum(1), z.maximum(64)), z.int().check(z.minimum(1), z.maximum(64))]),
  checksum: z.optional(ChecksumSchema),
  prependIf: z.optional(z.strictObject({ matches: z.string(), content: z.string().check(z.regex(/^[0-9A-Z]+$/)) })),
  s10: z.optional(z.boolean()),
  container: z.optional(z.array(z.string().check(z.regex(/^[0-9]{2}$/)))),
  status: z.enum(['verified', 'folk']),
  source: z.string(),
  shape: text,
});

const FormatRefSchema = z.strictObject({
  format: id,
  countries: z.optional(z.array(z.string().check(z.regex(/^[A-Z]{2}$/))).check(z.minLength(1))),
  service: z.optional(z.string()),
  detect: z.optional(z.enum(['yes', 'no', 'fallback'])),
});

export const CarrierSchema = z.strictObject({
  id,
  label: text,
  main: z.optional(z.string()),
  /** Other names than the id, the labels and `main` (the table adds those): none for some carriers. */
  aliases: z.array(z.string().check(z.minLength(1))),
  platformDigits: z.optional(z.int().check(z.minimum(1), z.maximum(64))),
  formats: z.array(FormatRefSchema),
});

export type FormatData = z.infer<typeof FormatSchema>;
export type CarrierData = z.infer<typeof CarrierSchema>;
