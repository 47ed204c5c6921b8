import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Serves the built SPA, with index.html for every client-side route (nested ones too: /admin/numbers/num-sales).
 * A file that is not there (an old build's chunk, a mistyped asset) answers 404, never the page: a browser would
 * run HTML as a script. Source maps are never served to browsers (a build made with SOURCEMAP=1 keeps them in
 * dist/ for whoever reads a stack trace on the server).
 */
export function staticApp(dir: string): Router {
  const r = Router();
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) return r;
  r.get(/\.map$/, (_req, res) => void res.status(404).end());
  r.use(express.static(root, { index: false, maxAge: '1h' }));
  r.get(/^\/assets\/|\.(js|css|map|png|svg|ico|json|txt|woff2?)$/, (_req, res) => void res.status(404).end());
  r.get(/^\/(?!api(\/|$)|socket\.io\/|healthz).*/, (_req, res) => res.sendFile(join(root, 'index.html')));
  return r;
}
