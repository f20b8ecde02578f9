import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';

/**
 * Cross-origin access for the listed origins only (CORS_ORIGINS); with none listed the API
 * sends no Access-Control-* header at all, so browsers keep other sites' pages out. Bearer
 * tokens travel in a header, so no credentials (cookies) are allowed across origins.
 */
export function corsFor(origins: string[]): CorsOptions {
  return {
    origin: origins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    credentials: false,
    maxAge: 600,
  };
}
