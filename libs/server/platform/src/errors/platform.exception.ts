import { DomainException } from './domain.exception';

/** One field of a refused request and what is wrong with it, as in `validation_failed` details. */
export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Errors of the platform itself: validation, routing, request limits. */
export class PlatformException extends DomainException {
  static validationFailed(details: FieldProblem[]) {
    return new PlatformException('invalid', 'validation_failed', 'The request is not valid.', details);
  }
  static payloadTooLarge() {
    return new PlatformException('payload_too_large', 'payload_too_large', 'The request body is too large.');
  }
  static malformedJson() {
    return new PlatformException('invalid', 'malformed_json', 'The request body is not valid JSON.');
  }
  static jsonTooDeep(maxDepth: number) {
    return new PlatformException(
      'invalid',
      'json_too_deep',
      `The request body nests arrays and objects deeper than ${maxDepth} levels.`,
      { maxDepth },
    );
  }
  static notJson() {
    return new PlatformException(
      'unsupported_media_type',
      'unsupported_media_type',
      'Send the request body as JSON, with Content-Type: application/json.',
    );
  }
  static unsupportedCharset(charset: string) {
    return new PlatformException(
      'unsupported_media_type',
      'unsupported_charset',
      `The request body must be UTF-8; charset "${charset}" is not supported.`,
      { charset },
    );
  }
  static unsupportedContentEncoding(encoding: string) {
    return new PlatformException(
      'unsupported_media_type',
      'unsupported_content_encoding',
      `Content-Encoding "${encoding}" is not supported; send gzip, deflate, br or no encoding.`,
      { encoding },
    );
  }
  static undecodableBody(encoding: string) {
    return new PlatformException(
      'invalid',
      'undecodable_body',
      `The request body is not valid ${encoding} data, as its Content-Encoding says it is.`,
      { encoding },
    );
  }
  static invalidUtf8() {
    return new PlatformException('invalid', 'invalid_utf8', 'The request body is not valid UTF-8.');
  }
  static notCsv() {
    return new PlatformException(
      'unsupported_media_type',
      'unsupported_media_type',
      'Send the file as the request body, with Content-Type: text/csv.',
    );
  }
  static unreadableBody() {
    return new PlatformException('invalid', 'unreadable_body', 'The request body could not be read.');
  }
  static notFound() {
    return new PlatformException('not_found', 'not_found', 'Nothing here.');
  }
}
