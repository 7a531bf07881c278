/**
 * `npm start` with its port taken: one line says so, the next free port is used, and what it serves
 * (the app at /, the manifest at /excel/manifest.xml) names the port it actually runs on. Serves
 * the built dist/ (--no-build).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import https from 'node:https';
import http from 'node:http';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
const servers: net.Server[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

/** Hold `port` on localhost (if someone else already holds it, it is taken all the same). */
async function occupy(port: number): Promise<void> {
  const s = net.createServer();
  await new Promise<void>((resolve) => {
    s.once('error', () => resolve());
    s.listen(port, 'localhost', () => {
      servers.push(s);
      resolve();
    });
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  const lib = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.get(url, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

async function start(args: string[], env: NodeJS.ProcessEnv): Promise<{ out: string; origin: string; port: number }> {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${out}`)), 30_000);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /serving .* at (https?:\/\/localhost:(\d+))\//.exec(out);
      if (m && out.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({ out, origin: m[1], port: Number(m[2]) });
      }
    });
  });
}

describe('npm start', () => {
  it('port 3000 taken: says so in one line, serves on the next free port, and the manifest names that port', async () => {
    await occupy(3000);
    const s = await start([], { PORT: '' });
    expect(s.port).toBeGreaterThan(3000);
    const busy = s.out.split('\n').filter((l) => /busy/i.test(l));
    expect(busy).toEqual(['Port 3000 is busy: using the next free port.']);
    expect(s.out).toContain(`Serving on port ${s.port} instead of 3000`);
    expect(s.out).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace

    const manifest = await get(`${s.origin}/excel/manifest.xml`);
    expect(manifest.status).toBe(200);
    expect(manifest.body).toContain(`DefaultValue="${s.origin}/excel/taskpane.html"`);
    expect(manifest.body).toContain(`<AppDomain>${s.origin}</AppDomain>`);
    expect(manifest.body).not.toContain('localhost:3000');

    const app = await get(`${s.origin}/`);
    expect(app.status).toBe(200);
    expect(app.body).toContain('web/app.js');
    expect(app.body).toContain('excel/index.html');
    const excel = await get(`${s.origin}/excel/`);
    expect(excel.body).toContain(`${s.origin}/excel/manifest.xml`);
    expect((await get(`${s.origin}/excel/taskpane.html`)).status).toBe(200);
    expect((await get(`${s.origin}/sheets/Sidebar.html`)).status).toBe(200);
    expect((await get(`${s.origin}/../package.json`)).status).toBe(404);
    // Build-only folders right under dist/ (.excel-meta, .sheets-meta) are not served.
    expect((await get(`${s.origin}/.excel-meta/metadata.cjs`)).status).toBe(404);
  });

  it('a bad --port is one clear line', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/--port must be a port number/);
  });
});
