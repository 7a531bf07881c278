// Shared webpack pieces: TypeScript via ts-loader (transpile only; `npm run typecheck` type-checks).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const r = (...p) => path.join(root, ...p);

export const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: false } } },
};

/**
 * Our TypeScript modules have no import-time side effects other than defining their exports (a
 * module that registers something, like core/countries.ts, does so for its own exports' sake). Told
 * so, webpack drops a module none of whose exports a bundle uses: the Sheets server library keeps
 * header detection (core/audit/columns.ts) without the audit rules it does not call (issue 12).
 */
export const tsRulePure = { ...tsRule, sideEffects: false };

export const resolve = { extensions: ['.ts', '.js', '.json'] };


/**
 * Where the site is served from and who publishes it, for every absolute URL the build writes
 * (manifest.xml, the "Use in Excel" page): `npm run build -- --origin https://example.com/ae`
 * (scripts/build.mjs sets AE_ORIGIN) or AE_ORIGIN=… directly; default the `npm start` origin.
 * The provider name: AE_PROVIDER, else package.json config.providerName.
 * AE_DIST builds into another folder than dist/ (tests build a second site there).
 */
export const DEFAULT_ORIGIN = 'https://localhost:3000';
export function siteOrigin(raw = (process.env.AE_ORIGIN || DEFAULT_ORIGIN).trim()) {
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`--origin (AE_ORIGIN) must be an absolute https URL such as https://example.com/ae, got "${raw}"`);
  }
  // Office loads add-ins only over https; plain http only for this machine (local tests).
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(u.hostname))) {
    throw new Error(`--origin must be https (Office loads add-ins only over https), got "${raw}"`);
  }
  if (u.search || u.hash) throw new Error(`--origin must not have a query or #fragment, got "${raw}"`);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}
export function providerName() {
  if (process.env.AE_PROVIDER && process.env.AE_PROVIDER.trim()) return process.env.AE_PROVIDER.trim();
  const pkg = JSON.parse(readFileSync(r('package.json'), 'utf8'));
  return (pkg.config && pkg.config.providerName) || 'AE Seller Rules';
}
export const distDir = () => (process.env.AE_DIST ? path.resolve(process.env.AE_DIST) : r('dist'));
export const d = (...p) => path.join(distDir(), ...p);
