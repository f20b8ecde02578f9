/** The one error body every API error uses. `code` is stable; `message` is for people. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: unknown[] | Record<string, unknown> | null;
}
