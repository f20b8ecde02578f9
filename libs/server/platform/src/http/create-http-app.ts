import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { ErrorBodyFilter } from '../errors/error-body.filter';
import { PlatformException } from '../errors/platform.exception';
import { createValidationPipe } from '../errors/validation.pipe';

export const API_PREFIX = 'api/v1';

/** Probes for load balancers and orchestrators stay at the root, outside the versioned API. */
export const UNPREFIXED_ROUTES = ['health', 'ready'];

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
 * body limits, validation, one error body, OpenAPI, optional admin app, graceful shutdown.
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
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(express.json({ limit: config.bodyLimit }));
  app.use(express.urlencoded({ extended: false, limit: config.bodyLimit }));
  // Name body-parser's failures here, before Nest turns them into anonymous 400s.
  app.use((error: unknown, _request: Request, _response: Response, next: NextFunction) =>
    next(fromBodyParserError(error)),
  );
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorBodyFilter());
  app.enableShutdownHooks();

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  if (config.adminDist) serveAdmin(app, resolve(config.adminDist));
  return app;
}

function fromBodyParserError(error: unknown): unknown {
  const type = (error as { type?: string })?.type;
  if (type === 'entity.too.large') return PlatformException.payloadTooLarge();
  if (type === 'entity.parse.failed') return PlatformException.malformedJson();
  return error;
}

/** The admin SPA at `/`, with a fallback to index.html for its client-side routes. */
function serveAdmin(app: NestExpressApplication, root: string): void {
  const index = join(root, 'index.html');
  if (!existsSync(index)) throw new Error(`ADMIN_DIST has no index.html: ${root}`);
  app.use(express.static(root, { index: false, maxAge: '1h' }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isApi = request.path.startsWith('/api') || UNPREFIXED_ROUTES.includes(request.path.slice(1));
    if (request.method !== 'GET' || isApi) return next();
    response.sendFile(index);
  });
}
