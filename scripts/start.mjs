#!/usr/bin/env node
// npm start: build the site (browser app, Excel add-in, Sheets files) and serve dist/ from ONE
// origin, https://localhost:3000 (or the next free port), with the URL layout of web/site.mjs:
//   /  the browser app · /excel/ "Use in Excel" + the add-in + manifest.xml · /sheets/ · /support.html
// The manifest (and every page) it serves names the origin it actually runs on, so a busy port 3000
// just means another port, said in one line.
//
// Certificate, in order:
//   1. ~/.office-addin-dev-certs/{localhost.crt,localhost.key,ca.crt}  (`npx office-addin-dev-certs install`;
//      on Linux it writes the files but cannot trust the CA, and its getHttpsServerOptions() rejects,
//      so the files are read here directly)
//   2. a self-signed localhost certificate made with openssl, kept in node_modules/.cache/ae-dev-cert
//   3. plain http with a loud warning (Office will not load an http add-in; the app still works in a browser)
// Options: --no-build (serve what is in dist/), --port N (default $PORT or 3000; busy → the next free one).
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asked = Number(args.includes('--port') ? args[args.indexOf('--port') + 1] : process.env.PORT || 3000);
if (!Number.isInteger(asked) || asked < 1 || asked > 65535) {
  console.error(`npm start: --port must be a port number, got "${args[args.indexOf('--port') + 1] ?? process.env.PORT}"`);
  process.exit(1);
}
const dist = path.join(root, 'dist');

if (!args.includes('--no-build')) {
  console.log('Building the site: browser app, Excel add-in, Google Sheets files (webpack --env only=excel,sheets,web)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production', '--env', 'only=excel,sheets,web'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, AE_ORIGIN: '', AE_DIST: '' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
for (const f of ['index.html', 'excel/taskpane.html', 'excel/manifest.xml']) {
  if (!existsSync(path.join(dist, f))) {
    console.error(`dist/${f} is missing: run \`npm start\` without --no-build (or \`npm run build\`).`);
    process.exit(1);
  }
}
const site = (() => {
  try {
    return JSON.parse(readFileSync(path.join(dist, 'site.json'), 'utf8'));
  } catch {
    return { origin: 'https://localhost:3000' };
  }
})();

function devCerts() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = ['localhost.crt', 'localhost.key', 'ca.crt'].map((f) => path.join(dir, f));
  if (!files.slice(0, 2).every(existsSync)) return undefined;
  const [cert, key, ca] = files.map((f) => (existsSync(f) ? readFileSync(f) : undefined));
  return { cert, key, ca, source: `office-addin-dev-certs (${dir})` };
}

function opensslCert() {
  const dir = path.join(root, 'node_modules/.cache/ae-dev-cert');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  if (!existsSync(cert) || !existsSync(key)) {
    try {
      mkdirSync(dir, { recursive: true });
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], {
        stdio: 'ignore',
      });
    } catch {
      return undefined;
    }
  }
  return { cert: readFileSync(cert), key: readFileSync(key), source: `self-signed by openssl (${dir}; not trusted by Office until you trust it)` };
}

const tls = devCerts() ?? opensslCert();
const scheme = tls ? 'https' : 'http';
let origin = `${scheme}://localhost:${asked}`;

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json' };

/** The built origin → the served one (manifest URLs, AppDomain, the admin-center URL on the Excel page). */
function rewrite(text) {
  const built = String(site.origin || 'https://localhost:3000').replace(/\/+$/, '');
  const bare = new URL(built).origin;
  return text.split(built).join(origin).split(`<AppDomain>${bare}</AppDomain>`).join(`<AppDomain>${origin}</AppDomain>`);
}

function handler(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let rel;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    rel = '/';
  }
  if (rel.endsWith('/')) rel += 'index.html';
  let file = path.resolve(dist, `.${rel}`);
  if (file.startsWith(dist + path.sep) && existsSync(file) && statSync(file).isDirectory()) {
    res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
    res.end();
    return;
  }
  if (!file.startsWith(dist + path.sep) || !existsSync(file) || !statSync(file).isFile() || /(^|[\\/])\./.test(path.relative(dist, file))) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found');
    return;
  }
  const ext = path.extname(file);
  const headers = { 'Content-Type': MIME[ext] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
  let body = readFileSync(file);
  if (ext === '.xml' || ext === '.html' || ext === '.json') body = Buffer.from(rewrite(body.toString('utf8')));
  res.writeHead(200, headers);
  res.end(body);
}

const server = tls ? https.createServer({ cert: tls.cert, key: tls.key, ...(tls.ca ? { ca: tls.ca } : {}) }, handler) : http.createServer(handler);

/** Listen on `port`, else the next free one (one line says so). */
async function listen(first) {
  for (let port = first; port < Math.min(first + 50, 65536); port++) {
    const ok = await new Promise((resolve, reject) => {
      const onError = (e) => {
        server.off('listening', onListening);
        if (e.code === 'EADDRINUSE' || e.code === 'EACCES') resolve(false);
        else reject(e);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, 'localhost');
    });
    if (ok) return port;
    if (port === first) console.log(`Port ${first} is busy: using the next free port.`);
  }
  throw new Error(`no free port in ${first}–${first + 49}`);
}

let port;
try {
  port = await listen(asked);
} catch (e) {
  console.error(`npm start: cannot listen: ${e.message}`);
  process.exit(1);
}
origin = `${scheme}://localhost:${port}`;
if (port !== asked) console.log(`Serving on port ${port} instead of ${asked}; the manifest served at ${origin}/excel/manifest.xml says ${port}.`);

console.log(`
AE Seller Rules · serving ${dist} at ${origin}/
  ${origin}/                     browser app: audit an export file, nothing to install
  ${origin}/excel/               Use in Excel: steps; manifest ${origin}/excel/manifest.xml
  ${origin}/sheets/              Use in Google Sheets: steps and the files to copy
  ${origin}/support.html         help
  certificate: ${tls ? tls.source : 'NONE'}
${
  tls
    ? ''
    : `
  WARNING: no certificate (no ~/.office-addin-dev-certs and no openssl), serving plain HTTP.
  Office only loads add-ins over https: run \`npx office-addin-dev-certs install\` and start again.
`
}
Sideload the add-in: download ${origin}/excel/manifest.xml (it names this port), then
  Excel on the web / Windows / Mac: Home › Add-ins › More add-ins › My add-ins › Upload My Add-in.
  The browser / Excel must trust the certificate: open ${origin}/ once and accept it,
  or trust ~/.office-addin-dev-certs/ca.crt in the OS.
Press Ctrl+C to stop.
`);

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
