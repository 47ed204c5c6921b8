import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { staticApp } from './static-app';

let dir: string;
let server: ReturnType<ReturnType<typeof express>['listen']>;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets/index-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets/index-abc.js.map'), '{"version":3}');
  const app = express().use(staticApp(dir));
  await new Promise<void>((r) => (server = app.listen(0, '127.0.0.1', () => r())));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a source map in dist/ is not served; the script and deep links are', async () => {
  expect((await fetch(`${base}/assets/index-abc.js.map`)).status).toBe(404);
  const script = await fetch(`${base}/assets/index-abc.js`);
  expect(await script.text()).toBe('console.log(1)');
  for (const path of ['/admin/staff', '/admin/numbers/num-sales', '/contacts/c-1', '/team/who-would-ring', '/']) {
    const page = await fetch(`${base}${path}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  }
});

test('a missing asset or file is 404, not the page; /api is never the page', async () => {
  for (const path of ['/assets/index-old.js', '/assets/nope', '/admin/app.js', '/favicon.ico', '/api', '/api/nope']) {
    const res = await fetch(`${base}${path}`);
    expect(res.status, path).toBe(404);
    expect(await res.text(), path).not.toContain('<div id="root">');
  }
});
