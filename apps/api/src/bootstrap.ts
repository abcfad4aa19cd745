import { CatalogListingSource } from '@chedun/catalog';
import { OrganizationService } from '@chedun/identity';
import { FilmIpReader, FilmIpService } from '@chedun/ip';
import { MediaService } from '@chedun/media';
import { ReviewService } from '@chedun/orders';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { Express, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule, AppModuleOptions } from './app.module';
import { graphiqlMiddleware } from './http/graphiql';
import { corsOptions, securityHeaders } from './http/security-headers';
import { AppMetrics } from './metrics/app-metrics';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsCollector } from './metrics/metrics.collector';
import { metricsEndpoint } from './metrics/metrics.endpoint';
import { FilmPageSource } from './http/film-page-source';
import { webAppMiddleware } from './http/web-app';

/** Builds the initialised app (used by main.ts and by the end-to-end tests alike). */
export async function createApp(options: AppModuleOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // First, so every answer carries the headers: pages, assets, GraphQL, webhooks, health and errors alike.
  app.use(securityHeaders(options.config));
  app.enableCors(corsOptions(options.config));
  const metrics = app.get(AppMetrics);
  app.use(httpMetricsMiddleware(metrics));
  const scrape = metricsEndpoint(metrics, app.get(MetricsCollector), options.config);
  (app.getHttpAdapter().getInstance() as Express).get('/metrics', (req, res, next) => {
    scrape(req, res).catch(next);
  });
  // Pages, GraphQL answers and CSV exports compressed on the way out (hashed assets come precompressed by the build).
  // Server-sent events are left alone: a compressor holds bytes back until it has enough to compress.
  app.use(
    compression({
      filter: (req: Request, res: Response) =>
        !/^text\/event-stream/.test(String(res.getHeader('Content-Type') ?? '')) && compression.filter(req, res),
    }),
  );
  app.useBodyParser('json', { limit: '256kb' });
  if (!options.config.isProduction) app.use(graphiqlMiddleware());
  const webApp = webAppMiddleware(options.config.webDir, {
    webUrl: options.config.mail.webUrl,
    listings: app.get(CatalogListingSource),
    filmIps: app.get(FilmIpReader),
    filmPages: new FilmPageSource(
      app.get(FilmIpService),
      app.get(FilmIpReader),
      app.get(OrganizationService),
      app.get(CatalogListingSource),
      app.get(MediaService),
    ),
    ratings: app.get(ReviewService),
  });
  if (webApp) app.use(webApp);
  await app.init();
  return app;
}
