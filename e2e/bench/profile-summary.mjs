// Summarises a CPU profile written by the bench (`BENCH_PROFILE_DIR`, see run.mjs): where the
// renderer's main thread spent the span from a click to the painted mark, as self time per
// function and per script, biggest first. For reading, not for figures (sampling adds its own cost).
//
//   node e2e/bench/profile-summary.mjs <file.cpuprofile> [--top N]

import { readFileSync } from 'node:fs';
import path from 'node:path';

const [file, flag, n] = process.argv.slice(2);
if (!file) {
  console.error('usage: node e2e/bench/profile-summary.mjs <file.cpuprofile> [--top N]');
  process.exit(2);
}
const top = flag === '--top' ? Number(n) : 25;

/** @type {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }[], samples: number[], timeDeltas: number[] }} */
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
/** Self time per node id, in ms (each sample's delta goes to the node sampled). */
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

/** @param {Map<string, number>} totals @param {string} key @param {number} ms */
const add = (totals, key, ms) => totals.set(key, (totals.get(key) ?? 0) + ms);
const byFunction = new Map();
const byScript = new Map();
let total = 0;
for (const [id, ms] of self) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  total += ms;
  const script = frame.url ? path.basename(frame.url.split('?')[0] ?? '') : '(native)';
  add(byFunction, `${frame.functionName || '(anonymous)'}  ${script}:${frame.lineNumber + 1}`, ms);
  add(byScript, frame.functionName.startsWith('(') && !frame.url ? frame.functionName : script, ms);
}

/** @param {string} title @param {Map<string, number>} totals */
function print(title, totals) {
  console.log(`\n${title}`);
  for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
  }
}
console.log(`${path.basename(file)}: ${total.toFixed(1)} ms sampled`);
print('self time per script', byScript);
print('self time per function', byFunction);
