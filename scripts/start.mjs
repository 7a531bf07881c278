#!/usr/bin/env node
// npm start: build the Excel add-in and serve dist/excel on https://localhost:3000 (the URLs in
// manifest.xml) with a small node:https static server, then print how to sideload manifest.xml.
//
// Certificate, in order:
//   1. ~/.office-addin-dev-certs/{localhost.crt,localhost.key,ca.crt}  (`npx office-addin-dev-certs install`;
//      on Linux it writes the files but cannot trust the CA, and its getHttpsServerOptions() rejects,
//      so the files are read here directly)
//   2. a self-signed localhost certificate made with openssl, kept in node_modules/.cache/ae-dev-cert
//   3. plain http with a loud warning (Office will not load an http add-in; the page still opens in a browser)
// Options: --no-build (serve what is in dist/excel), --port N (default 3000 or $PORT).
import { spawnSync, execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const port = Number(args.includes('--port') ? args[args.indexOf('--port') + 1] : process.env.PORT || 3000);
const dist = path.join(root, 'dist/excel');

if (!args.includes('--no-build')) {
  console.log('Building the Excel add-in (webpack --env only=excel)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/webpack/bin/webpack.js'), '--mode', 'development', '--env', 'only=excel'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!existsSync(path.join(dist, 'taskpane.html'))) {
  console.error('dist/excel/taskpane.html is missing: run without --no-build.');
  process.exit(1);
}

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
// A tiny static server over dist/excel (webpack-dev-server wants a compiler; the build is done above).
const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.png': 'image/png', '.map': 'application/json' };
function handler(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const rel = decodeURIComponent(url.pathname === '/' ? '/taskpane.html' : url.pathname);
  const file = path.resolve(dist, `.${rel}`);
  if (!file.startsWith(dist + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
  createReadStream(file).pipe(res);
}
const server = tls ? https.createServer({ cert: tls.cert, key: tls.key, ...(tls.ca ? { ca: tls.ca } : {}) }, handler) : http.createServer(handler);
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, 'localhost', resolve);
});

const origin = `${tls ? 'https' : 'http'}://localhost:${port}`;
console.log(`
AE Seller Rules · Excel add-in served from ${dist}
  ${origin}/taskpane.html   (task pane + custom-functions runtime)
  ${origin}/functions.json  (metadata; zh-CN: functions-zh-cn.json)
  certificate: ${tls ? tls.source : 'NONE'}
${
  tls
    ? ''
    : `
  WARNING: no certificate (no ~/.office-addin-dev-certs and no openssl), serving plain HTTP.
  Office only loads add-ins over https: run \`npx office-addin-dev-certs install\` and start again.
`
}
Sideload manifest.xml (its URLs point at https://localhost:3000):
  Excel on the web : open a workbook › Home › Add-ins › More add-ins › My add-ins ›
                     Upload My Add-in › choose ${path.join(root, 'manifest.xml')}
  Excel on Windows : put manifest.xml in a shared folder, add it under File › Options › Trust Center ›
                     Trusted Add-in Catalogs, restart Excel › Insert › My Add-ins › Shared Folder
                     (or: npx office-addin-debugging start manifest.xml desktop)
  Excel on Mac     : copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
  The browser / Excel must trust the certificate: open ${origin}/taskpane.html once and accept it,
  or trust ~/.office-addin-dev-certs/ca.crt in the OS.
  Then: Home › Order audit opens the pane; type =AE. in a cell for the functions.
Press Ctrl+C to stop.
`);

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
