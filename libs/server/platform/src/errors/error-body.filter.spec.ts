import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DomainException } from './domain.exception';
import { toErrorBody } from './error-body.filter';

describe(toErrorBody.name, () => {
  it('maps a domain exception kind to its status and keeps the code and details', () => {
    const error = new DomainException('conflict', 'last_admin', 'Needs an admin.', { userId: 'u1' });
    expect(toErrorBody(error)).toEqual({
      statusCode: 409,
      code: 'last_admin',
      message: 'Needs an admin.',
      details: { userId: 'u1' },
    });
    expect(toErrorBody(new DomainException('rate_limited', 'x', 'y')).statusCode).toBe(429);
    expect(toErrorBody(new DomainException('not_found', 'x', 'y')).statusCode).toBe(404);
  });

  it('gives framework errors a stable code', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /x'))).toEqual({
      statusCode: 404,
      code: 'not_found',
      message: 'Nothing here.',
      details: null,
    });
    expect(toErrorBody(new BadRequestException()).code).toBe('bad_request');
    expect(toErrorBody(new HttpException('teapot', 418)).code).toBe('http_error');
  });

  it('hides the details of unexpected errors behind a 500', () => {
    const body = toErrorBody(new Error('connection string postgres://secret@db'));
    expect(body).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: 'Something went wrong on our side.',
      details: null,
    });
  });
});
