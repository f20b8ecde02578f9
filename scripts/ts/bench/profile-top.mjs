// node scripts/ts/bench/profile-top.mjs <file.cpuprofile> [rows]: self time by function and by
// package (node_modules/<name>, our libs, node internals), the share of all samples.
import { readFileSync } from 'node:fs';

const [file, rows = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
for (const id of profile.samples) self.set(id, (self.get(id) ?? 0) + 1);
const total = profile.samples.length;
const functions = new Map();
const packages = new Map();
for (const [id, count] of self) {
  const { callFrame } = byId.get(id);
  const url = callFrame.url || '(native)';
  const where =
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
    (/\/libs\/([^/]+\/[^/]+)/.exec(url)?.[1]
      ? `libs/${/\/libs\/([^/]+\/[^/]+)/.exec(url)[1]}`
      : url.startsWith('node:')
        ? 'node'
        : callFrame.functionName.startsWith('(')
          ? callFrame.functionName
          : url.split('/').slice(-2).join('/'));
  const name = `${callFrame.functionName || '(anonymous)'} ${where}`;
  functions.set(name, (functions.get(name) ?? 0) + count);
  packages.set(where, (packages.get(where) ?? 0) + count);
}
const show = (title, map) => {
  console.log(`\n${title} (${total} samples)`);
  for (const [name, count] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(rows)))
    console.log(`${((100 * count) / total).toFixed(1).padStart(5)} %  ${name}`);
};
show('by package', packages);
show('by function', functions);
