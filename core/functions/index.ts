/** The function catalogue: every spreadsheet function, one definition each. */
import type { FunctionDef } from '../catalogue/types';
import { GIFT_FUNCTIONS } from './gifts';
import { EXPRESS_FUNCTIONS } from './express';
import { TRACKING_FUNCTIONS } from './tracking';

export const CATALOGUE: readonly FunctionDef[] = [...GIFT_FUNCTIONS, ...EXPRESS_FUNCTIONS, ...TRACKING_FUNCTIONS];

const BY_NAME = new Map(CATALOGUE.map((d) => [d.name, d] as const));
export const getFunction = (name: string): FunctionDef | undefined => BY_NAME.get(name.toUpperCase());
