#!/usr/bin/env node
// npm run build [-- --origin https://example.com/ae] [--provider "Your company"] [--out DIR] [--only excel,web,…]
//
// Builds everything (webpack, type declarations, the Node entry). Every absolute URL the build
// writes — manifest.xml and the site's "Use in Excel" page — is for the origin given by --origin or
// AE_ORIGIN (default the `npm start` origin https://localhost:3000); the manifest's provider name is
// --provider / AE_PROVIDER, else package.json config.providerName. --out (AE_DIST) builds the site
// into another folder (only the site's targets: excel, sheets, web), e.g. one per customer.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteOrigin } from '../webpack/common.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const env = { ...process.env };
let only;
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split(/=(.*)/s, 2);
  const value = () => {
    const v = inline ?? args[++i];
    if (v === undefined || v === '') {
      console.error(`build: ${flag} needs a value`);
      process.exit(1);
    }
    return v;
  };
  if (flag === '--origin') env.AE_ORIGIN = value();
  else if (flag === '--provider') env.AE_PROVIDER = value();
  else if (flag === '--out') env.AE_DIST = path.resolve(value());
  else if (flag === '--only') only = value();
  else {
    console.error(`build: unknown option ${args[i]} (options: --origin URL, --provider NAME, --out DIR, --only targets)`);
    process.exit(1);
  }
}
if (env.AE_ORIGIN) {
  // The one origin check (webpack/common.js siteOrigin), said in one line before anything builds.
  try {
    siteOrigin(env.AE_ORIGIN.trim());
  } catch (e) {
    console.error(`build: ${e.message}`);
    process.exit(1);
  }
}
// Another output folder holds the site only (the Node library and CLI stay in dist/).
if (env.AE_DIST && !only) only = 'excel,sheets,web';

const run = (cmd, cmdArgs) => {
  const r = spawnSync(process.execPath, [path.join(root, cmd), ...cmdArgs], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
console.log(`build: site origin ${env.AE_ORIGIN || 'https://localhost:3000 (default)'}${env.AE_DIST ? `, into ${env.AE_DIST}` : ''}`);
run('node_modules/webpack/bin/webpack.js', ['--mode', 'production', ...(only ? ['--env', `only=${only}`] : [])]);
if (!env.AE_DIST && !only) {
  run('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.types.json']);
  run('scripts/postbuild.mjs', []);
}
