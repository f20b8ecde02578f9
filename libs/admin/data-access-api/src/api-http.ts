import { HttpClient, HttpContext, HttpContextToken, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { paths } from '@mentorship/contracts';
import type {
  HttpMethod,
  PathsWithMethod,
  RequestBodyJSON,
  RequiredKeysOf,
  SuccessResponseJSON,
} from 'openapi-typescript-helpers';
import type { Observable } from 'rxjs';

/**
 * Marks the requests that authenticate by their body (sign-in, refresh, ...): the auth
 * interceptor neither adds a bearer token to them nor answers their 401 with a refresh.
 */
export const PUBLIC_ENDPOINT = new HttpContextToken<boolean>(() => false);

type Method = Extract<HttpMethod, 'get' | 'post' | 'patch' | 'put' | 'delete'>;

/** The API's paths that answer `method`, exactly as the OpenAPI document spells them. */
export type ApiPath<M extends Method> = PathsWithMethod<paths, M>;

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/**
 * `{name}` placeholders of a path template, each a string. Taken from the template itself,
 * so every placeholder must be given even where the document does not declare it.
 */
export type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name]: string } & PathParams<Rest>
  : unknown;

type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** A query value may be left out as `null` too: forms and filters use it for "none". */
type QueryInit<O> = [QueryOf<O>] extends [never]
  ? unknown
  : { query?: { [K in keyof QueryOf<O>]?: QueryOf<O>[K] | null } };

type BodyInit<O> = [RequestBodyJSON<O>] extends [never] ? unknown : { body: RequestBodyJSON<O> };

type PathInit<P extends string> = keyof PathParams<P> extends never ? unknown : { path: PathParams<P> };

export type ApiRequest<P extends keyof paths & string, M extends Method> = PathInit<P> &
  QueryInit<Operation<P, M>> &
  BodyInit<Operation<P, M>> & {
    /** Sent without a bearer token (see PUBLIC_ENDPOINT). */
    public?: boolean;
  };

/** The success body the document promises; operations that answer 204 give `void`. */
export type ApiResponse<P extends keyof paths, M extends Method> = [
  SuccessResponseJSON<Operation<P, M>>,
] extends [never]
  ? void
  : SuccessResponseJSON<Operation<P, M>>;

/** The request argument may be left out only when the operation needs nothing in it. */
type RequestArgs<P extends keyof paths & string, M extends Method> =
  RequiredKeysOf<ApiRequest<P, M>> extends never ? [request?: ApiRequest<P, M>] : [request: ApiRequest<P, M>];

/** POST paths whose body is a CSV file (`@CsvBody` routes: `text/csv`). */
export type CsvPath = {
  [P in ApiPath<'post'>]: Operation<P, 'post'> extends { requestBody: { content: { 'text/csv': string } } }
    ? P
    : never;
}[ApiPath<'post'>];

interface AnyRequest {
  path?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  public?: boolean;
}

/**
 * HttpClient typed by the API's OpenAPI `paths` (generated into `@mentorship/contracts`): a
 * path the document lacks, a missing placeholder, a wrong body or query does not compile, and
 * the answer has the documented type. The contexts' clients are built on it.
 */
@Injectable({ providedIn: 'root' })
export class ApiHttp {
  private readonly http = inject(HttpClient);

  get<P extends ApiPath<'get'>>(
    path: P,
    ...[request]: RequestArgs<P, 'get'>
  ): Observable<ApiResponse<P, 'get'>> {
    return this.send('GET', path, request);
  }

  post<P extends ApiPath<'post'>>(
    path: P,
    ...[request]: RequestArgs<P, 'post'>
  ): Observable<ApiResponse<P, 'post'>> {
    return this.send('POST', path, request);
  }

  patch<P extends ApiPath<'patch'>>(
    path: P,
    ...[request]: RequestArgs<P, 'patch'>
  ): Observable<ApiResponse<P, 'patch'>> {
    return this.send('PATCH', path, request);
  }

  put<P extends ApiPath<'put'>>(
    path: P,
    ...[request]: RequestArgs<P, 'put'>
  ): Observable<ApiResponse<P, 'put'>> {
    return this.send('PUT', path, request);
  }

  /**
   * A GET whose answer is a file rather than JSON (an `.ics` calendar): the text, fetched with
   * the session's token, which a plain link could not carry.
   */
  getText<P extends ApiPath<'get'>>(path: P, request: PathInit<P>): Observable<string> {
    const { path: values = {} } = request as { path?: Record<string, string> };
    return this.http.get(expandPath(path, values), {
      headers: { 'X-Refresh-Cookie': '1' },
      responseType: 'text',
    });
  }

  delete<P extends ApiPath<'delete'>>(
    path: P,
    ...[request]: RequestArgs<P, 'delete'>
  ): Observable<ApiResponse<P, 'delete'>> {
    return this.send('DELETE', path, request);
  }

  /** Sends a CSV file as the body of a `@CsvBody` route (`text/csv`, as the API requires). */
  postCsv<P extends CsvPath>(
    path: P,
    request: PathInit<P> & { csv: string },
  ): Observable<ApiResponse<P, 'post'>> {
    const { path: values = {}, csv } = request as { path?: Record<string, string>; csv: string };
    return this.http.post<ApiResponse<P, 'post'>>(expandPath(path, values), csv, {
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      responseType: 'json',
    });
  }

  private send<T>(method: string, template: string, request: unknown): Observable<T> {
    const { path = {}, query = {}, body = null, public: isPublic = false } = (request ?? {}) as AnyRequest;
    return this.http.request<T>(method, expandPath(template, path), {
      body,
      params: queryParams(query),
      context: new HttpContext().set(PUBLIC_ENDPOINT, isPublic),
      // "I am the browser app": the API keeps the refresh token in its HttpOnly cookie, never in
      // a body, and reads that cookie only with this header (a cross-site request cannot send it).
      headers: { 'X-Refresh-Cookie': '1' },
      responseType: 'json',
    });
  }
}

/** Fills each `{name}` of the template, encoded; a missing value is a bug, not a request. */
export function expandPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`ApiHttp: no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

/** Leaves out `null` and `undefined`: an unset filter is no parameter at all. */
function queryParams(query: Record<string, unknown>): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && value !== undefined) params = params.set(name, String(value));
  }
  return params;
}
