import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';

/** Paths the API owns: never answered with the web app, even for a browser asking for HTML. */
const API_PREFIXES = ['/graphql', '/graphiql', '/health', '/webhooks', '/reports', '/media'];

function ownedByApi(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * The built single-page app: hashed assets cached for a year, and index.html (never cached) for every other
 * page path a browser asks for, so the app's own routes survive a reload. Returns undefined when not built.
 */
export function webAppMiddleware(webDir: string): express.Router | undefined {
  const root = resolve(webDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return undefined;
  const router = express.Router();
  router.use('/assets', express.static(join(root, 'assets'), { immutable: true, maxAge: '365d' }), (_req: Request, res: Response) => {
    res.sendStatus(404);
  });
  router.use(express.static(root, { index: false, maxAge: '1h' }));
  router.get(/.*/, (req: Request, res: Response, next: NextFunction) => {
    if (ownedByApi(req.path) || req.accepts(['text/html', 'application/json']) !== 'text/html') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
