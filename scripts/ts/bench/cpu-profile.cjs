/*
 * Preloaded by scripts/ts/bench-reminders.ts into each side's worker when BENCH_PROFILE is set:
 * a CPU profile of the whole process, written to BENCH_PROFILE_FILE when the bench stops it
 * (SIGTERM). Written in the signal's listener, before the process's own shutdown: Nest's shutdown
 * hook ends the process by re-raising the signal, which --cpu-prof would not survive. Open the
 * file in Chrome's DevTools (Performance) or summarise it with scripts/ts/bench/profile-top.mjs.
 */
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  // The main thread's own session dispatches synchronously: each callback has run on return.
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  process.once('SIGTERM', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
