import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import type pino from 'pino';
import { tenantOfRequest } from '../tenancy/tenant-request';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

const INCOMING_ID = /^[\w.-]{1,100}$/;

/** Probes answer often and say nothing worth a line. */
const UNLOGGED_PATHS = new Set(['/health']);

/**
 * One JSON line per request, written when the response has finished, with the request id
 * (the caller's `x-request-id` if it is sane, else a new one, echoed back) and, on tenant
 * routes, the organization. No child logger per request and nothing serialised up front: the
 * line is one plain object, built only for requests that are logged.
 */
@Injectable()
export class RequestLog {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: pino.Logger) {}

  middleware() {
    const logger = this.logger;
    return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
      const incoming = request.headers['x-request-id'];
      const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
      response.setHeader('x-request-id', id);
      const url = request.url ?? '';
      const path = url.split('?', 1)[0];
      if (UNLOGGED_PATHS.has(path) || !logger.isLevelEnabled('info')) return next();
      const started = performance.now();
      response.once('finish', () => {
        const status = response.statusCode;
        const tenant = tenantOfRequest(request);
        logger[status >= 500 ? 'error' : 'info'](
          {
            req: { id, method: request.method, url },
            res: { statusCode: status },
            ...(tenant ? { organizationId: tenant.organizationId } : {}),
            responseTime: Math.round(performance.now() - started),
          },
          'request completed',
        );
      });
      next();
    };
  }
}
