import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import type { ErrorBody } from '@mentorship/contracts';

/** The one error body, documented for OpenAPI. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 404 })
  statusCode!: number;
  @ApiProperty({ example: 'cohort_not_found', description: 'Stable and machine-readable: switch on it.' })
  code!: string;
  @ApiProperty({ description: 'For people.' })
  message!: string;
  @ApiPropertyOptional({
    nullable: true,
    description: 'validation_failed: `[{ field, problems[] }]`; otherwise what the code says it carries.',
    oneOf: [{ type: 'array', items: {} }, { type: 'object' }],
  })
  details!: unknown[] | Record<string, unknown> | null;
}

/** What each error status means for every route; the codes say which case it is. */
const MEANING: Record<number, string> = {
  400: 'Invalid input (`validation_failed` names each field in `details`).',
  401: 'No valid access token (`unauthenticated`).',
  403: 'Not allowed for the caller.',
  404: 'No such thing here, or not yours: nothing is disclosed.',
  409: 'Conflicts with the current state.',
  410: 'No longer valid.',
  413: 'The body is larger than the API accepts.',
  415: 'The body is not of the type the route takes.',
  429: 'Too many attempts: `details.retryAfterSeconds`.',
  503: 'A service the answer depends on does not answer: try again shortly.',
};

/**
 * Documents a route's error answers with the stable error codes each status can carry,
 * e.g. `@ApiErrorCodes({ 400: ['validation_failed'], 409: ['invitation_pending'] })`. Every
 * error answer has the one body `{ statusCode, code, message, details }`.
 */
export function ApiErrorCodes(
  codes: Partial<Record<number, readonly string[]>>,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(codes).map(([status, list]) =>
      ApiResponse({
        status: Number(status),
        description: `${MEANING[Number(status)] ?? 'Error.'} Codes: ${(list ?? []).map((code) => `\`${code}\``).join(', ')}.`,
        type: ErrorBodyDto,
      }),
    ),
  );
}
