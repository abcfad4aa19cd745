import { AppConfig, loadConfig } from '@chedun/config';
import type { Request, Response } from 'express';
import { AppMetrics } from './app-metrics';
import { MetricsCollector } from './metrics.collector';
import { metricsEndpoint } from './metrics.endpoint';

describe('metricsEndpoint', () => {
  const collector = { refresh: () => Promise.resolve() } as unknown as MetricsCollector;
  const call = async (config: AppConfig, authorization?: string): Promise<{ status: number; body: string }> => {
    const answer = { status: 200, body: '' };
    const res = {
      status: (code: number) => ((answer.status = code), res),
      setHeader: () => res,
      json: (body: unknown) => (answer.body = JSON.stringify(body)),
      send: (body: string) => (answer.body = body),
    } as unknown as Response;
    await metricsEndpoint(new AppMetrics(), collector, config)({ headers: { authorization } } as Request, res);
    return answer;
  };
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: 'x'.repeat(40),
    DATABASE_URL: 'postgres://h/db',
    STRIPE_SECRET_KEY: 'sk_live_1',
    STRIPE_WEBHOOK_SECRET: 'whsec_1',
  };

  it('is absent (404) in production without METRICS_TOKEN', async () => {
    expect((await call(loadConfig(production))).status).toBe(404);
  });

  it('is open in development without a token', async () => {
    const answer = await call(loadConfig({}));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('chedun_db_pool_connections');
  });

  it('answers only the Bearer token when one is set', async () => {
    const config = loadConfig({ ...production, METRICS_TOKEN: 't'.repeat(32) });
    expect((await call(config)).status).toBe(401);
    expect((await call(config, `Bearer ${'u'.repeat(32)}`)).status).toBe(401);
    expect((await call(config, `Bearer ${'t'.repeat(32)}`)).status).toBe(200);
  });
});
