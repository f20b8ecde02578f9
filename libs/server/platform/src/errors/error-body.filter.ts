import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorBody } from '@mentorship/contracts';
import type { Response } from 'express';
import { abandonTenantRoute } from '../access/tenant-route';
import { DomainException, ErrorKind } from './domain.exception';

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Codes for errors raised by Nest or Express before our code runs. */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'not_ready',
};

/** Turns every error into the one body `{ statusCode, code, message, details }`. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainException) {
    return {
      statusCode: STATUS_OF_KIND[error.kind],
      code: error.code,
      message: error.message,
      details: error.details,
    };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const message = statusCode === 404 ? 'Nothing here.' : error.message;
    return { statusCode, code: CODE_OF_STATUS[statusCode] ?? 'http_error', message, details: null };
  }
  return {
    statusCode: 500,
    code: 'internal_error',
    message: 'Something went wrong on our side.',
    details: null,
  };
}

@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    // Refused between the tenant route's guard and its handler (a pipe): roll its transaction back.
    abandonTenantRoute().catch((failure: unknown) =>
      this.logger.error(`rolling back an abandoned tenant route failed: ${String(failure)}`),
    );
    const body = toErrorBody(error);
    if (body.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (body.code === 'too_many_attempts' && body.details && 'retryAfterSeconds' in body.details) {
      response.setHeader('Retry-After', String(body.details['retryAfterSeconds']));
    }
    response.status(body.statusCode).json(body);
  }
}
