import { AppConfig } from '@chedun/config';
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppMetrics } from './app-metrics';
import { MetricsCollector } from './metrics.collector';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * GET /metrics in Prometheus text format. With METRICS_TOKEN set, only `Authorization: Bearer <token>` is answered;
 * without it the endpoint is open in development and absent (404) in production, so it is never public by accident.
 * A plain Express route ahead of Nest's: the global guard would read the metrics token as a (bad) session token.
 */
export function metricsEndpoint(
  metrics: AppMetrics,
  collector: MetricsCollector,
  config: AppConfig,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const token = config.metrics.token;
    if (!token && config.isProduction) {
      res.status(404).json({ message: 'Not Found' });
      return;
    }
    if (token) {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      // Compared as digests: equal lengths for timingSafeEqual, and no timing hint about the token's length.
      if (!timingSafeEqual(digest(given), digest(token))) {
        res.status(401).setHeader('www-authenticate', 'Bearer');
        res.json({ message: 'A valid metrics token is required' });
        return;
      }
    }
    await collector.refresh();
    res.setHeader('content-type', metrics.registry.contentType);
    res.setHeader('cache-control', 'no-store');
    res.send(await metrics.registry.metrics());
  };
}
