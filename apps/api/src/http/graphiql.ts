import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';

const ASSETS: Record<string, string> = {
  'react.js': join(dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'),
  'react-dom.js': join(dirname(require.resolve('react-dom/package.json')), 'umd/react-dom.production.min.js'),
  'graphiql.js': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
  'graphiql.css': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
};

/** A file, not an inline script, so the Content-Security-Policy needs no 'unsafe-inline' for scripts. */
const INIT_SCRIPT = `const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: true }),
);
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Chedun Market · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script src="/graphiql/init.js"></script>
</body>
</html>`;

/**
 * GraphiQL served from the project's own node_modules (no CDN), so the IDE works offline at Chedun.
 * A browser's GET /graphql gets the page; API clients (POST, or GET without text/html) reach Apollo.
 */
export function graphiqlMiddleware(): express.Router {
  const router = express.Router();
  router.get('/graphiql/init.js', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type('text/javascript').send(INIT_SCRIPT);
  });
  router.get('/graphiql/:asset', (req: Request, res: Response, next: NextFunction) => {
    const file = ASSETS[String(req.params['asset'])];
    if (!file) return next();
    res.setHeader('Cache-Control', 'public, max-age=86400');
    return res.sendFile(file);
  });
  router.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (
      !req.accepts(['application/json', 'text/html']) ||
      req.accepts(['application/json', 'text/html']) !== 'text/html'
    ) {
      return next();
    }
    if (typeof req.query['query'] === 'string') return next();
    res.type('html').send(PAGE);
  });
  return router;
}
