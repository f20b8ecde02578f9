// An open-loop load generator for the benchmarks: requests arrive at an even rate whatever the
// server does (unlike autocannon's -R, which sends each second's budget in bursts of its
// connections), over at most `connections` keep-alive sockets, and each latency is counted from
// the moment the request was due, not from when a socket was free (no coordinated omission).
//
//   node scripts/lib/open-loop-load.mjs <url> <rate per s> <seconds> <connections> [token | @file]
//
// The last argument is one bearer token for every request, or `@` and a file of tokens, one a
// line, each request taking the next (many users asking at once).
// Prints one JSON line: { sent, ok, errors, latency: { p50, p90, p99, max }, generatorDelay: { p99, max } }
// in milliseconds (generatorDelay: this process's own event-loop delay, which latency includes).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const [url, rateArg, secondsArg, connectionsArg, token] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connectionsArg) });
const target = new URL(url);
const tokens = !token
  ? []
  : token.startsWith('@')
    ? readFileSync(token.slice(1), 'utf8').split('\n').filter(Boolean)
    : [token];
const headersOf = (index) =>
  tokens.length === 0 ? {} : { authorization: `Bearer ${tokens[index % tokens.length]}` };
const total = Math.max(1, Math.round(rate * seconds));
const intervalMs = 1000 / rate;
const latencies = [];
let ok = 0;
let errors = 0;
let finished = 0;

// The generator's own event loop: a stall here delays requests past their due time and is
// counted as the server's latency, so it is reported beside it.
const ownDelay = monitorEventLoopDelay({ resolution: 10 });
ownDelay.enable();
const started = performance.now();
function send(index) {
  const due = started + index * intervalMs;
  const request = http.request(
    {
      hostname: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      agent,
      headers: headersOf(index),
    },
    (response) => {
      response.resume();
      response.on('end', () => {
        latencies.push(performance.now() - due);
        if (response.statusCode && response.statusCode < 300) ok += 1;
        else errors += 1;
        done();
      });
    },
  );
  request.on('error', () => {
    errors += 1;
    done();
  });
  request.end();
}

function done() {
  finished += 1;
  if (finished < total) return;
  latencies.sort((a, b) => a - b);
  const at = (q) =>
    Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1));
  console.log(
    JSON.stringify({
      sent: total,
      ok,
      errors,
      latency: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
      generatorDelay: {
        p99: Number((ownDelay.percentile(99) / 1e6).toFixed(1)),
        max: Number((ownDelay.max / 1e6).toFixed(1)),
      },
    }),
  );
  agent.destroy();
}

// Each request at its own due time: a timer per tick, catching up at once when the timer ran late.
let next = 0;
function tick() {
  const now = performance.now();
  while (next < total && started + next * intervalMs <= now) send(next++);
  if (next < total) setTimeout(tick, Math.max(0, started + next * intervalMs - performance.now()));
}
tick();
