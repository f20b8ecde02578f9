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

const MEANING = {
  400: 'Invalid input: `validation_failed` names each field in `details`.',
  401: 'No valid access token.',
  403: 'A member without one of the roles the route needs (`forbidden_role`).',
  404: 'No such thing in this organization (or the organization is not yours): nothing is disclosed.',
  409: 'The request conflicts with the current state; the body says which and what is allowed.',
  413: 'The body is larger than the API accepts.',
  415: 'The body is not of the type the route takes.',
} as const;

export type DocumentedError = keyof typeof MEANING;

/** Documents the error answers of a route, each with the stable error body. */
export function ApiErrors(...statuses: DocumentedError[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: MEANING[status], type: ErrorBodyDto })),
  );
}
