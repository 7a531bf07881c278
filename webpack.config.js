// One webpack build for every target. Each target keeps its own config in webpack/*.config.js
// (node library, Excel add-in, Sheets add-on, CLI), so the hosts cannot drift apart in tooling.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'webpack');
const files = readdirSync(dir).filter((f) => f.endsWith('.config.js')).sort();

export default async (env = {}, argv = {}) => {
  const only = env.only ? String(env.only).split(',') : undefined;
  const configs = [];
  for (const f of files) {
    const name = f.replace(/\.config\.js$/, '');
    if (only && !only.includes(name)) continue;
    const mod = await import(pathToFileURL(path.join(dir, f)).href);
    const c = typeof mod.default === 'function' ? await mod.default(env, argv) : mod.default;
    configs.push(...(Array.isArray(c) ? c : [c]));
  }
  return configs;
};
