// Summarises a V8 .cpuprofile (node --cpu-prof, or BENCH_CPU_PROF of `npm run bench:http`):
// self time by package (node_modules/<pkg>, the app's own code, node internals, GC, idle)
// and the top functions by self time.
//   node scripts/cpu-profile-summary.mjs <file.cpuprofile> [top=25] [requests]
// With `requests` (answered while profiling), times are also given in µs per request.
import { readFileSync } from 'node:fs';

const [file, topArg, requestsArg] = process.argv.slice(2);
const requests = Number(requestsArg ?? 0);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const top = Number(topArg ?? 25);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const area = (frame) => {
  const url = frame.url ?? '';
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  return 'app';
};
const areas = new Map();
const functions = new Map();
for (const [id, time] of self) {
  const frame = byId.get(id).callFrame;
  const a = area(frame);
  areas.set(a, (areas.get(a) ?? 0) + time);
  const key = `${frame.functionName || '(anonymous)'} ${a === 'app' ? (frame.url ?? '').split('/').slice(-1)[0] : a}:${frame.lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + time);
}
// Inclusive time by area: a sample counts once for every area on its stack.
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const inclusive = new Map();
for (const [id, time] of self) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) seen.add(area(byId.get(at).callFrame));
  for (const a of seen) inclusive.set(a, (inclusive.get(a) ?? 0) + time);
}
const perRequest = (t) => (requests > 0 ? `  ${(t / requests).toFixed(1).padStart(7)} µs/req` : '');
const pct = (t) => ((100 * t) / total).toFixed(1).padStart(5) + ' %' + perRequest(t);
// Busy: neither idle nor the inspector's own message dispatch (the profiler session).
const idle = [...areas].filter(([a]) => a === '(idle)').reduce((sum, [, t]) => sum + t, 0);
const dispatch = [...functions]
  .filter(([f]) => f.startsWith('dispatch (native)'))
  .reduce((sum, [, t]) => sum + t, 0);
const busy = total - idle - dispatch;
console.log(
  `${file}: ${(total / 1000).toFixed(0)} ms sampled, ${(busy / 1000).toFixed(0)} ms busy${perRequest(busy)}`,
);
console.log('\nself time by area');
for (const [a, t] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 20)) console.log(`${pct(t)}  ${a}`);
console.log('\ninclusive time by area (a sample counts for every area on its stack)');
for (const [a, t] of [...inclusive].sort((x, y) => y[1] - x[1]).slice(0, 20)) console.log(`${pct(t)}  ${a}`);
console.log('\ntop functions (self)');
for (const [f, t] of [...functions].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${pct(t)}  ${f}`);
