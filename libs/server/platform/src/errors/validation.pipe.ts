import { ValidationError, ValidationPipe } from '@nestjs/common';
import { PlatformException } from './platform.exception';
import { rememberValidationMetadata } from './validation-metadata';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelist, reject unknown properties (nested too), and answer with the stable error body. */
export function createValidationPipe(): ValidationPipe {
  rememberValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => PlatformException.validationFailed(flatten(errors)),
  });
}
