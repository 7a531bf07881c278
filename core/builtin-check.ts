/**
 * The build-time and test-time check of the built-in data (issue 12: schema validation off the load
 * path): the carrier table against its zod schemas, every built-in rate card against the rate-card
 * schema and its cross-field rules. Exported by the Node entry only; scripts/postbuild.mjs fails the
 * build on any problem, and the tests call it. The add-in bundles never run it.
 */
import * as z from 'zod/mini';
import { CarrierSchema, FormatSchema } from './tracking/table-schema';
import { CARRIER_DATA, FORMAT_DATA } from './tracking/data';
import { compileTable } from './tracking/table';
import { BUILTIN_CARDS } from './rates/builtin';
import { validateCard } from './rates';
import { isRuleError } from './errors';

/** Every problem found in the built-in data (empty when it is sound). */
export function checkBuiltinData(): string[] {
  const problems: string[] = [];
  const f = z.array(FormatSchema).safeParse(FORMAT_DATA);
  if (!f.success) problems.push(`carrier table formats: ${f.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const c = z.array(CarrierSchema).safeParse(CARRIER_DATA);
  if (!c.success) problems.push(`carrier table carriers: ${c.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (f.success && c.success) {
    try {
      compileTable(FORMAT_DATA, CARRIER_DATA);
    } catch (e) {
      problems.push(`carrier table: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  for (const card of BUILTIN_CARDS) {
    const v = validateCard(card);
    if (isRuleError(v)) problems.push(`built-in rate card ${card.card.id}: ${v.en}`);
  }
  return problems;
}
