/**
 * The typed core API (no host APIs here: DESIGN.md property 3). The package's main entry re-exports
 * this plus every spreadsheet function under its sheet name (see node.ts).
 */
export * from './text';
export * from './errors';
export * from './coerce';
export { countryCode, countryName, countryLabel, allCountryCodes } from './countries';
export * from './rates';
export * from './nodes';
export { ENTITY_IDS, entityTypesOf, entityLabel, type EntityId } from './entities';
export { skuGaps, describeSkuGaps, reviewGroupsOf, reviewGroupLabel, reviewLabel, requirementLabel, type SkuGaps } from './review';
export * from './status';
export type * from './catalogue/types';
export { RANGE_KINDS } from './catalogue/types';
export { callFunction, coerceArg, type HostOptions } from './catalogue/call';
export { CATALOGUE, getFunction } from './functions';
export { giftTier, giftFeeCents } from './functions/gifts';
export { timeoutPenaltyCents, missingNodes, describeMissing, expressVsStandardCents, onboardingGaps } from './functions/express';
export * from './audit';
export * from './tracking';
