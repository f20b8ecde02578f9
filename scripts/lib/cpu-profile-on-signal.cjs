// Preloaded into a server by `npm run bench:http` when BENCH_CPU_PROF is set (node -r).
// SIGWINCH (Nest's shutdown hooks take SIGUSR2) starts the V8 CPU profiler; the next stops it and writes
// $BENCH_CPU_PROF/<label>.cpuprofile (the label is read from $BENCH_CPU_PROF/next-label), so
// the bench profiles exactly one route's load window. `node --cpu-prof` would write only on a
// normal exit, and Nest's shutdown hook ends the process by re-raising the signal.
const inspector = require('node:inspector');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROF;
const session = new inspector.Session();
session.connect();
let running = false;
process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  running = false;
  session.post('Profiler.stop', (error, result) => {
    if (error) return console.error(error);
    const label = readFileSync(join(dir, 'next-label'), 'utf8').trim();
    writeFileSync(join(dir, `${label}.cpuprofile`), JSON.stringify(result.profile));
    writeFileSync(join(dir, `${label}.done`), '');
  });
});
