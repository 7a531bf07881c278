/** Argument definitions and helpers shared by the function definitions. */
import { isRuleError, type RuleError } from '../errors';
import type { RateCard } from '../rates';
import { L } from '../text';
import type { ArgDef, CallContext } from '../catalogue/types';

export const RATES_ARG: ArgDef = {
  name: 'rates',
  nameZh: '费率卡',
  kind: 'rates',
  optional: true,
  help: L(
    'Range holding a rate card (key / value rows); default: the built-in card in force',
    '费率卡区域（键 / 值 两列）；默认使用当时生效的内置费率卡',
  ),
};

export const countryArg = (help = L('Destination: ISO code (BR, BRA) or name (Brazil, 巴西)', '目的国：ISO 代码（BR、BRA）或名称（Brazil、巴西）')): ArgDef => ({
  name: 'country',
  nameZh: '国家',
  kind: 'country',
  help,
});

/** Run `f` with the card in force (or the user's), passing a card error straight through. */
export function withCard<T>(ctx: CallContext, atMs: number | undefined, f: (card: RateCard) => T): T | RuleError {
  const card = ctx.card(atMs);
  return isRuleError(card) ? card : f(card);
}

/** Round a cents amount computed with a rate to whole cents, half up, without binary noise. */
export const roundCents = (c: number): number => {
  const r = Math.round(c);
  // Same fast path as toCents: only values within noise of a half cent need the 12-digit form.
  return 0.5 - Math.abs(c - r) > Math.abs(c) * 1e-10 ? r + 0 : Math.round(Number(c.toPrecision(12)));
};
