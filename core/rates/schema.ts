/** The rate card: every number in RULES.md as versioned, validated data (DESIGN.md property 2). */
import * as z from 'zod/mini';
import { NODE_IDS } from '../nodes';
import { ENTITY_IDS } from '../entities';

export const TIER_NAMES = ['mature', 'emerging', 'long-tail'] as const;
export type TierName = (typeof TIER_NAMES)[number];

/**
 * The schema, built on first use (issue 12: nothing is built when the script loads; Sheets loads it
 * for every formula cell, and only a user's own card, or the build-time check, needs it).
 */
function buildSchema() {
  const iso2 = z.string().check(z.regex(/^[A-Z]{2}$/));
  const countries = z.array(iso2);
  const money = z.number().check(z.minimum(0), z.maximum(1_000_000));
  const positive = z.number().check(z.gt(0), z.maximum(1_000_000));
  const fraction = z.number().check(z.minimum(0), z.maximum(1));
  const count = z.int().check(z.minimum(0), z.maximum(1_000_000));
  const tier = z.strictObject({ fee: money, countries });
  /** [G-REVIEW] a requirement: one name, or alternatives of which one suffices ("CE / FCC"). */
  const requirement = z.string().check(z.minLength(1), z.maxLength(200));
  /** [G-REVIEW] a category group: the category words that put a SKU in it, and what it adds. */
  const reviewGroup = z.strictObject({ categories: z.array(requirement), marks: z.array(requirement), documents: z.array(requirement) });
  const groupName = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,39}$/));
  return z.strictObject({
    card: z.strictObject({
      id: z.string().check(z.minLength(1), z.maxLength(64)),
      effective: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
      source: z.string(),
    }),
    gift: z.strictObject({
      /** [G-FEE] base fee per tier, CNY, tax included. */
      tiers: z.strictObject({ mature: tier, emerging: tier, 'long-tail': tier }),
      /** [G-OVERWEIGHT] weight above this many grams pays the surcharge (exactly the limit does not). */
      overweightAboveG: positive,
      overweightSurcharge: money,
      /** [G-NFE] countries where a missing NFe adds the local delivery surcharge. */
      nfeCountries: countries,
      nfeSurcharge: money,
      /** [G-COD] cash-on-delivery markets where gifts are not offered. */
      codCountries: countries,
      /** [G-CONFIRM] hours after shipping to click "confirm shipped"; failures in a row that freeze. */
      confirmHours: positive,
      freezeAfterFailures: z.int().check(z.minimum(1), z.maximum(1000)),
      /** [G-LABEL] the gift label code prefix. */
      labelPrefix: z.string().check(z.minLength(1), z.maxLength(16)),
      /** [G-ELIGIBLE] */
      minStoreLevel: z.int().check(z.minimum(0), z.maximum(100)),
      minPositiveRate: fraction,
      maxDisputeRate: fraction,
      /** [G-ROI] defaults for ROI models; cpc in CNY. */
      conversionUplift: z.number().check(z.minimum(0), z.maximum(100)),
      repeatRate: fraction,
      repeatUplift: z.number().check(z.minimum(0), z.maximum(100)),
      cpc: positive,
      /** [G-REVIEW] marks every gift package front must show and documents every gift SKU needs; "A / B" = either. */
      reviewMarks: z.array(requirement),
      reviewDocuments: z.array(requirement),
      /** [G-REVIEW] category groups (electronics, food and cosmetics…) with the marks and documents they add. */
      reviewGroups: z.record(groupName, reviewGroup),
    }),
    express: z.strictObject({
      /** [X-UPLOAD] hours after payment to upload the tracking number. */
      uploadHours: positive,
      /** [X-FIRSTSCAN] hours until the first pickup scan, counted from payment or upload. */
      firstScanHours: positive,
      firstScanFrom: z.enum(['payment', 'upload']),
      /** [X-NODES] */
      minEvents: count,
      requiredNodes: z.array(z.enum(NODE_IDS)),
      /** [X-PEN-UPLOAD] USD per failed upload. */
      penaltyUpload: money,
      /** [X-PEN-STALL] USD when a trail has no update for more than stallHours. */
      stallHours: positive,
      penaltyStall: money,
      /** [X-PEN-TIMEOUT] more than timeoutDays since payment: timeoutRate × amount, capped. */
      timeoutDays: positive,
      timeoutRate: fraction,
      timeoutCap: money,
      /** [X-DOCS] documents each destination needs. */
      docs: z.record(iso2, z.array(z.string().check(z.minLength(1)))),
      /** [X-BLOCKED] */
      blocked: countries,
      /** [X-ELIGIBLE] KA path. */
      kaMonthlyGmv: money,
      kaFulfilmentRate: fraction,
      kaMonths: z.int().check(z.minimum(1), z.maximum(36)),
      /** [X-ONBOARD] licence valid for MORE than this many months; trails and status returns needed. */
      onboardLicenceMonths: z.number().check(z.minimum(0), z.maximum(1200)),
      onboardTrails: count,
      onboardTrailMonths: z.int().check(z.minimum(1), z.maximum(36)),
      onboardStatusReturns: count,
      /** [X-ONBOARD] entity types refused, and those that must add notarised and authenticated documents. */
      onboardRefused: z.array(z.enum(ENTITY_IDS)),
      onboardNotarised: z.array(z.enum(ENTITY_IDS)),
      /** [X-COMPARE] AliExpress Standard: compensation cap for a lost parcel, first-order subsidy for new merchants (USD). */
      standardLossCap: money,
      standardFirstOrderSubsidy: money,
    }),
  });
}

type Schema = ReturnType<typeof buildSchema>;
let schema: Schema | undefined;
const built = (): Schema => (schema ??= buildSchema());

/** The rate-card schema (zod/mini), built on first use: safeParse / parse as zod's. */
export const RateCardSchema = {
  safeParse: (x: unknown): ReturnType<Schema['safeParse']> => built().safeParse(x),
  parse: (x: unknown): RateCard => built().parse(x),
};

export type RateCard = z.infer<Schema>;
