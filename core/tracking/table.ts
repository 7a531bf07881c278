/**
 * Load the carrier table: fail closed on an unknown checksum name, compile every pattern once
 * (anchored ^…$), and build the alias lookup. The zod schemas of the data (table-schema.ts) are off
 * the load path (issue 12: every Sheets formula cell loads this script): the built-in data is checked
 * against them by the tests and at build time (checkBuiltinData, scripts/postbuild.mjs).
 */
import type { FormatData, CarrierData } from './table-schema';
import { L, type Localized } from '../text';
import { CHECKSUM_NAMES, type ChecksumParams } from './checksums';
import { CARRIER_DATA, FORMAT_DATA } from './data';

/** Capture-group numbers of the named groups the checks read. */
export interface GroupIndex {
  readonly serial: number;
  readonly cd: number;
  readonly service: number;
  readonly country: number;
  readonly container: number;
}

/**
 * The pattern with its named groups turned into plain numbered groups (exec then allocates no
 * `groups` object), and where each name landed (0 = absent).
 */
export function numberGroups(pattern: string): { source: string; idx: GroupIndex } {
  const idx: Record<string, number> = { serial: 0, cd: 0, service: 0, country: 0, container: 0 };
  let out = '';
  let group = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') inClass = true;
    if (ch === '(') {
      const named = /^\(\?<([A-Za-z]\w*)>/.exec(pattern.slice(i));
      if (named) {
        group++;
        if (named[1] in idx) idx[named[1]] = group;
        out += '(';
        i += named[0].length - 1;
        continue;
      }
      if (pattern[i + 1] !== '?') group++;
    }
    out += ch;
  }
  return { source: out, idx: idx as unknown as GroupIndex };
}

export interface Format {
  readonly id: string;
  /** The pattern as the table writes it (unanchored, named groups). */
  readonly pattern: string;
  /** Anchored, numbered-group pattern and the group numbers (the hot path). */
  readonly reN: RegExp;
  readonly idx: GroupIndex;
  readonly name: Localized;
  readonly shape: Localized;
  readonly re: RegExp;
  readonly min: number;
  readonly max: number;
  readonly checksum?: ChecksumParams;
  readonly prepend?: { readonly re: RegExp; readonly content: string };
  readonly s10: boolean;
  readonly container?: readonly string[];
  readonly verified: boolean;
}

export interface FormatRef {
  readonly format: Format;
  readonly countries?: ReadonlySet<string>;
  readonly service?: RegExp;
  readonly detect: 'yes' | 'no' | 'fallback';
}

export interface Carrier {
  readonly id: string;
  readonly label: Localized;
  readonly main?: string;
  readonly platformDigits?: number;
  readonly refs: readonly FormatRef[];
  /** Lengths any of its formats accepts (for WRONG_LENGTH reasons). */
  readonly min: number;
  readonly max: number;
}

/** Alias key: NFKC, lower-case, without spaces, dots, dashes and other punctuation. */
export const aliasKey = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

export interface Table {
  readonly formats: ReadonlyMap<string, Format>;
  readonly carriers: readonly Carrier[];
  readonly byId: ReadonlyMap<string, Carrier>;
  readonly byAlias: ReadonlyMap<string, Carrier>;
}

/** Validate and compile raw data; throws on a malformed table (a programming error caught by the tests). */
export function compileTable(formatData: unknown, carrierData: unknown): Table {
  const fd = formatData as readonly FormatData[];
  const cd = carrierData as readonly CarrierData[];
  const formats = new Map<string, Format>();
  for (const f of fd) {
    if (formats.has(f.id)) throw new Error(`duplicate format id ${f.id}`);
    if (f.checksum && !(CHECKSUM_NAMES as readonly string[]).includes(f.checksum.name)) throw new Error(`unknown checksum ${f.checksum.name}`);
    const re = new RegExp(`^(?:${f.pattern})$`);
    if (f.checksum && !/\(\?<serial>/.test(f.pattern)) throw new Error(`format ${f.id} has a checksum but no serial group`);
    if (f.checksum && !/\(\?<cd>/.test(f.pattern)) throw new Error(`format ${f.id} has a checksum but no cd group`);
    if (f.length[0] > f.length[1]) throw new Error(`format ${f.id}: length range reversed`);
    const numbered = numberGroups(f.pattern);
    formats.set(f.id, {
      id: f.id,
      pattern: f.pattern,
      reN: new RegExp(`^(?:${numbered.source})$`),
      idx: numbered.idx,
      name: L(f.name.en, f.name.zh),
      shape: L(f.shape.en, f.shape.zh),
      re,
      min: f.length[0],
      max: f.length[1],
      checksum: f.checksum as ChecksumParams | undefined,
      prepend: f.prependIf ? { re: new RegExp(f.prependIf.matches), content: f.prependIf.content } : undefined,
      s10: f.s10 === true,
      container: f.container,
      verified: f.status === 'verified',
    });
  }
  const carriers: Carrier[] = [];
  const byId = new Map<string, Carrier>();
  const byAlias = new Map<string, Carrier>();
  for (const c of cd) {
    if (byId.has(c.id)) throw new Error(`duplicate carrier id ${c.id}`);
    const refs: FormatRef[] = c.formats.map((r) => {
      const format = formats.get(r.format);
      if (!format) throw new Error(`carrier ${c.id}: unknown format ${r.format}`);
      return {
        format,
        countries: r.countries ? new Set(r.countries) : undefined,
        service: r.service !== undefined ? new RegExp(r.service) : undefined,
        detect: r.detect ?? 'yes',
      };
    });
    const carrier: Carrier = {
      id: c.id,
      label: L(c.label.en, c.label.zh),
      main: c.main,
      platformDigits: c.platformDigits,
      refs,
      min: refs.length ? Math.min(...refs.map((r) => r.format.min)) : 0,
      max: refs.length ? Math.max(...refs.map((r) => r.format.max)) : 0,
    };
    carriers.push(carrier);
    byId.set(c.id, carrier);
    // The id, both labels and the main name are names of the carrier without being listed again.
    for (const a of [c.id, c.label.en, c.label.zh, ...(c.main ? [c.main] : []), ...c.aliases]) {
      const k = aliasKey(a);
      if (!k) continue;
      const prev = byAlias.get(k);
      if (prev && prev !== carrier) throw new Error(`alias "${a}" names both ${prev.id} and ${c.id}`);
      byAlias.set(k, carrier);
    }
  }
  return { formats, carriers, byId, byAlias };
}

let table: Table | undefined;
/** The built-in table, compiled on first use. */
export const TABLE = (): Table => (table ??= compileTable(FORMAT_DATA, CARRIER_DATA));
