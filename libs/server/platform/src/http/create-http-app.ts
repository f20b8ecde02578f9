import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { tenantRouteScope } from '../access/tenant-route';
import { RequestLog } from '../logging/request-log';
import { ErrorBodyFilter } from '../errors/error-body.filter';
import { RequestInputGuard } from '../errors/request-input.guard';
import { createValidationPipe } from '../errors/validation.pipe';
import { answerUnparsableRequests } from './client-errors';
import { corsFor } from './cors';
import { jsonBody } from './json-body';
import { securityHeaders } from './security-headers';

export const API_PREFIX = 'api/v1';

/** Probes for load balancers and orchestrators stay at the root, outside the versioned API. */
export const UNPREFIXED_ROUTES = ['health', 'ready'];

/** Whether a path is the API's (versioned routes, docs, probes) rather than the admin app's. */
export const isApiPath = (path: string) =>
  path.startsWith('/api') || UNPREFIXED_ROUTES.includes(path.slice(1));

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('Mentorship Map API')
    .setDescription('Multi-tenant mentoring programs. Tenant routes live under /api/v1/orgs/{orgId}.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, options);
}

/**
 * Builds the HTTP application the same way for `npm run demo`, production and tests:
 * security headers, CORS closed unless configured, JSON bodies (size, depth, charset and
 * encoding checked), input guards and validation, one error body, OpenAPI, optional admin
 * app, graceful shutdown.
 */
export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  config: AppConfig,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.use(app.get(RequestLog).middleware());
  answerUnparsableRequests(app.getHttpServer());
  keepIdleConnectionsLongerThanClients(app.getHttpServer());
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // No ETag on API answers: each is `Cache-Control: no-store`, so no client keeps one to
  // revalidate, and express hashed every body for it. The admin app's files keep theirs
  // (express.static and sendFile make their own).
  app.disable('etag');
  app.use(securityHeaders(isApiPath));
  if (config.corsOrigins.length > 0) app.enableCors(corsFor(config.corsOrigins));
  app.use(jsonBody(config.bodyLimit));
  // After the body parsers: the tenant route guard and its handler share this request's slot.
  app.use(tenantRouteScope());
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
  app.useGlobalGuards(new RequestInputGuard());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorBodyFilter());
  app.enableShutdownHooks();

  if (config.apiDocs === 'on') {
    const document = buildOpenApiDocument(app);
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  }

  if (config.adminDist) serveAdmin(app, resolve(config.adminDist));
  return app;
}

/**
 * Node closes an idle keep-alive connection after 5 s, sooner than the clients in front of it
 * give up on one (a proxy or load balancer typically after 60 s; Node's own fetch after 4 s, but
 * late on a busy machine). The side that closes first must be the client: otherwise a request
 * sent on a socket the server is closing that moment is reset (ECONNRESET here, a 502 behind a
 * proxy; a 500-request concurrency test saw it on a loaded CI run). Headers get a second more,
 * as Node requires headersTimeout above keepAliveTimeout.
 */
function keepIdleConnectionsLongerThanClients(server: Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

/**
 * The admin SPA at `/`, with a fallback to index.html for its client-side routes. API paths
 * skip it before any file system work: `express.static` would `stat` (and `send`) on every
 * API request otherwise.
 */
function serveAdmin(app: NestExpressApplication, root: string): void {
  const index = join(root, 'index.html');
  if (!existsSync(index)) throw new Error(`ADMIN_DIST has no index.html: ${root}`);
  const files = express.static(root, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApiPath(request.path)) return next();
    files(request, response, () => {
      if (request.method !== 'GET') return next();
      response.sendFile(index);
    });
  });
}
