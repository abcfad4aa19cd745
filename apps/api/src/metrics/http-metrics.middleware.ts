import type { NextFunction, Request, Response } from 'express';
import { AppMetrics } from './app-metrics';

/** Apollo's route is a catch-all pattern (`/graphql/{*path}`); the endpoint is labelled by its path instead. */
const GRAPHQL_PATH = '/graphql';

/** Times every HTTP request; the route label is the matched route's pattern, never the raw URL (bounded labels). */
export function httpMetricsMiddleware(metrics: AppMetrics): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      const path = req.originalUrl.split('?')[0];
      const route =
        path === GRAPHQL_PATH ? GRAPHQL_PATH : typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : 'unmatched';
      metrics.httpDuration.observe(
        { method: req.method, route, status: String(res.statusCode) },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  };
}
