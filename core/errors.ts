import type { Text } from './text';

/** The three error kinds a rule can produce; every host maps them once, in its adapter. */
export type ErrorKind = '#VALUE!' | '#N/A' | '#NUM!';

/**
 * A rule error as a value (never thrown across the core's public surface).
 * `#VALUE!`: bad input; `#N/A`: the rule does not apply; `#NUM!`: a number out of range.
 */
export class RuleError implements Text {
  /** Marker so errors are recognised across bundles / vm contexts where instanceof fails. */
  readonly isRuleError = true as const;
  constructor(
    readonly kind: ErrorKind,
    readonly en: string,
    readonly zh: string,
  ) {}
  get message(): string {
    return this.en;
  }
  get messageZh(): string {
    return this.zh;
  }
  toString(): string {
    return `${this.kind} ${this.en}`;
  }
  toJSON(): { kind: ErrorKind; message: string; messageZh: string } {
    return { kind: this.kind, message: this.en, messageZh: this.zh };
  }
}

export const isRuleError = (x: unknown): x is RuleError =>
  x instanceof RuleError || (typeof x === 'object' && x !== null && (x as { isRuleError?: unknown }).isRuleError === true);

export const valueError = (en: string, zh: string) => new RuleError('#VALUE!', en, zh);
export const naError = (en: string, zh: string) => new RuleError('#N/A', en, zh);
export const numError = (en: string, zh: string) => new RuleError('#NUM!', en, zh);

/** Prefix an error's message with an argument name, keeping its kind. */
export function withArg(e: RuleError, argEn: string, argZh: string): RuleError {
  return new RuleError(e.kind, `${argEn}: ${e.en}`, `${argZh}：${e.zh}`);
}
