// The JavaScript a browser loads before the phone can start: every script index.html loads (its module entry
// and modulepreloads), before any lazy chunk, gzipped. Against a floor: react, react-dom, sip.js and
// socket.io-client alone, built the same way with vite (the size no code of ours can go under).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const floor = await libraryFloor(root);
  console.log(`  app   ${kb(app.bytes).padStart(10)}  gzip ${kb(app.gzip).padStart(9)}  (${app.files.join(', ')})`);
  console.log(
    `  floor ${kb(floor.bytes).padStart(10)}  gzip ${kb(floor.gzip).padStart(9)}  (react + react-dom + sip.js + socket.io-client)`,
  );
  console.log(`  ours on top of the floor: gzip ${kb(app.gzip - floor.gzip)}`);
}
