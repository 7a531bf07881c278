// The subset of zod/mini that zod-mini.js implements, typed as zod's own (the rate-card schema is
// written against zod; the Sheets build swaps the module in its place).
import type * as z from 'zod/mini';

export declare const string: typeof z.string;
export declare const number: typeof z.number;
export declare const int: typeof z.int;
export declare const minimum: typeof z.minimum;
export declare const gt: typeof z.gt;
export declare const maximum: typeof z.maximum;
export declare const minLength: typeof z.minLength;
export declare const maxLength: typeof z.maxLength;
export declare const regex: typeof z.regex;
declare const oneOf: typeof z.enum;
export { oneOf as enum };
export declare const array: typeof z.array;
export declare const strictObject: typeof z.strictObject;
export declare const record: typeof z.record;
