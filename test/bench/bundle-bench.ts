// The JavaScript a browser loads before the phone can start: every script index.html loads (its module entry
// and modulepreloads), before any lazy chunk, gzipped. Against a floor: react, react-dom, sip.js and
// socket.io-client alone, built the same way with vite (the size no code of ours can go under).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export type InitialJs = { files: string[]; bytes: number; gzip: number };

/** The scripts `dist/index.html` loads at once, with their sizes raw and gzipped. */
export function initialJs(distDir: string): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!);
  let bytes = 0;
  let gzip = 0;
  for (const src of srcs) {
    const body = readFileSync(join(distDir, src.replace(/^\//, '')));
    bytes += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: srcs, bytes, gzip };
}

/** Every other script of the build: the chunks fetched on demand (lazy panels, admin console, board). */
export function onDemandJs(distDir: string, initial: InitialJs): InitialJs {
  const loaded = new Set(initial.files.map((src) => src.replace(/^\//, '')));
  const files = readdirSync(join(distDir, 'assets'))
    .map((name) => `assets/${name}`)
    .filter((file) => file.endsWith('.js') && !loaded.has(file));
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const body = readFileSync(join(distDir, file));
    bytes += body.length;
    gzip += gzipSync(body).length;
  }
  return { files, bytes, gzip };
}

/** The libraries the phone cannot do without, built alone with vite's production defaults. */
async function libraryFloor(root: string): Promise<InitialJs> {
  // Inside the project, so the libraries resolve from its node_modules.
  mkdirSync(join(root, '.run'), { recursive: true });
  const dir = mkdtempSync(join(root, '.run', 'bench-floor-'));
  try {
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><div id="root"></div><script type="module" src="/main.js"></script>',
    );
    // Everything each library exports is kept (assigned to window), as if the app used all of it.
    writeFileSync(
      join(dir, 'main.js'),
      [
        "import * as React from 'react';",
        "import * as ReactDOM from 'react-dom/client';",
        "import * as SIP from 'sip.js';",
        "import * as io from 'socket.io-client';",
        'Object.assign(window, { React, ReactDOM, SIP, io });',
      ].join('\n'),
    );
    await build({
      root: dir,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: join(dir, 'dist'), emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
    });
    return initialJs(join(dir, 'dist'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

export async function runBundleBench(root: string): Promise<void> {
  console.log('\n== initial JavaScript (what index.html loads before any lazy chunk) ==');
  const app = initialJs(join(root, 'dist'));
  const later = onDemandJs(join(root, 'dist'), app);
  const floor = await libraryFloor(root);
  const line = (name: string, js: InitialJs, what: string) =>
    console.log(`  ${name.padEnd(9)} ${kb(js.bytes).padStart(10)}  gzip ${kb(js.gzip).padStart(9)}  (${what})`);
  line('app', app, app.files.join(', '));
  line('floor', floor, 'react + react-dom + sip.js + socket.io-client');
  line('on demand', later, `${later.files.length} chunks`);
  const chunks = later.files.map((f) => f.replace(/^assets\/(.*)-[\w-]{8}\.js$/, '$1'));
  console.log(`  on demand: ${chunks.join(', ')}`);
  console.log(
    `  initial gzip = ${(app.gzip / floor.gzip).toFixed(2)} × the floor; ours on top of it: ${kb(app.gzip - floor.gzip)}`,
  );
}
