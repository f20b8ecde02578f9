import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorBody } from '@mentorship/contracts';

const ANSWERS: Record<string, ErrorBody> = {
  HPE_HEADER_OVERFLOW: {
    statusCode: 431,
    code: 'headers_too_large',
    message: 'The request line or headers are too large.',
    details: null,
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    statusCode: 408,
    code: 'request_timeout',
    message: 'The request took too long to arrive.',
    details: null,
  },
};
const NOT_HTTP: ErrorBody = {
  statusCode: 400,
  code: 'bad_request',
  message: 'The request is not valid HTTP.',
  details: null,
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Requests Node's HTTP parser refuses (a 20 kB URL, broken framing) never reach Express;
 * Node would answer them with an empty body. This answers them with the one error body too,
 * and closes the connection as Node would.
 */
export function answerUnparsableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // As in Node's documentation: a reset connection or a closed socket gets no answer.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const body = ANSWERS[error.code ?? ''] ?? NOT_HTTP;
    const json = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${body.statusCode} ${REASONS[body.statusCode]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `Connection: close\r\n\r\n${json}`,
    );
  });
}
