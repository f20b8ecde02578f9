import { CanActivate, ExecutionContext } from '@nestjs/common';
import { takesCsvBody } from '../http/csv-body';
import { FieldProblem, PlatformException } from './platform.exception';

/**
 * Keys that address an object's prototype. class-transformer drops them silently, so the
 * validation pipe's forbidNonWhitelisted never sees them: they are refused here instead,
 * with the message of any other unknown property.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor']);

const NUL = '\u0000';
/** With the `u` flag a surrogate pair is one code point, so this finds only lone halves. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function problemsIn(value: unknown, field: string, found: FieldProblem[]): FieldProblem[] {
  if (typeof value === 'string') {
    // PostgreSQL text cannot hold NUL: refused here, not by a failing query.
    if (value.includes(NUL)) found.push({ field, problems: [`${field} must not contain NUL characters`] });
    // JSON may escape half a surrogate pair ("\ud800"): not text any encoder can write, and
    // validator's isEmail throws on it (a 500 the fuzz test found). Refused like NUL.
    else if (LONE_SURROGATE.test(value))
      found.push({
        field,
        problems: [`${field} must be valid Unicode text (it holds half of a surrogate pair)`],
      });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => problemsIn(item, `${field}.${index}`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const path = field ? `${field}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key))
        found.push({ field: path, problems: [`property ${path} should not exist`] });
      else problemsIn((value as Record<string, unknown>)[key], path, found);
    }
  }
  return found;
}

interface RequestInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/**
 * Installed globally, before the tenant interceptor opens a transaction and before any pipe:
 * refuses a CSV body on a route that takes JSON and anything else on a route that takes CSV
 * (415); refuses NUL characters and lone surrogates in any path parameter, query parameter or body string, and
 * prototype keys at any depth, with 400 and the field named. Bodies nest at most
 * MAX_JSON_DEPTH levels (refused at parse time otherwise), so the walk is short.
 */
export class RequestInputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const { params, query, body } = context.switchToHttp().getRequest<RequestInput>();
    // Parsers leave `body` a string only for text/csv, an object for JSON, undefined without one.
    const csvRoute = takesCsvBody(context.getHandler());
    if (csvRoute && typeof body !== 'string') throw PlatformException.notCsv();
    if (!csvRoute && typeof body === 'string') throw PlatformException.notJson();
    const problems = [params, query, body].flatMap((part) => problemsIn(part, '', []));
    if (problems.length > 0) throw PlatformException.validationFailed(problems);
    return true;
  }
}
