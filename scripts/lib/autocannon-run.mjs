// One autocannon run in its own process (so it does not share the API's event loop), for the
// benchmarks: node autocannon-run.mjs '<json options>'. Options: url, connections, duration
// (seconds), overallRate (requests per second from all connections; none = closed loop), token
// (one bearer token for all) or tokens (a file of bearer tokens, one a line: each request takes
// the next, so many users ask at once).
// Prints autocannon's result as JSON.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
const tokens = options.tokens
  ? readFileSync(options.tokens, 'utf8').split('\n').filter(Boolean)
  : options.token
    ? [options.token]
    : [];
let next = 0;
const result = await autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.duration,
  ...(options.overallRate ? { overallRate: options.overallRate } : {}),
  requests: [
    {
      method: 'GET',
      setupRequest: (request) => {
        if (tokens.length === 0) return request;
        const token = tokens[next++ % tokens.length];
        return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
      },
    },
  ],
});
process.stdout.write(JSON.stringify(result));
