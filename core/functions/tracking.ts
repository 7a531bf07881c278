/** TRACK_* function definitions (issue: tracking numbers). Filled in by core/tracking. */
import type { FunctionDef } from '../catalogue/types';

export const TRACKING_FUNCTIONS: readonly FunctionDef[] = [];
