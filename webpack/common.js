// Shared webpack pieces: TypeScript via ts-loader (transpile only; `npm run typecheck` type-checks).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const r = (...p) => path.join(root, ...p);

export const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: false } } },
};

// i18n-iso-countries' Node entry registers all ~80 locales; its browser entry registers none, and
// core/countries.ts registers only en and zh. Use the browser entry in every bundle.
export const resolve = {
  extensions: ['.ts', '.js', '.json'],
  alias: { 'i18n-iso-countries$': 'i18n-iso-countries/index.js' },
};

