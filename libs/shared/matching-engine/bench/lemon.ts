/*
 * LEMON's NetworkSimplex as a second reference for the benchmark (never a dependency of the product):
 * compiles bench/lemon/network-simplex.cpp against Debian's liblemon-dev into tmp/ (installing the
 * package with apt-get when its header is missing), writes a round to a binary file and runs the
 * driver on it, which times `run()` only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssignmentObjective, CandidateGraph } from '../src/assign/candidate-graph';

const SOURCE = join(__dirname, 'lemon', 'network-simplex.cpp');
const OUT_DIR = join(process.cwd(), 'tmp', 'bench-matching');
const BINARY = join(OUT_DIR, 'network-simplex');
const HEADER = '/usr/include/lemon/network_simplex.h';

export interface LemonResult {
  total: number;
  matched: number;
  /** Wall time of run(). */
  runMs: number;
  /** CPU time of the driver process during run(). */
  cpuMs: number;
}

/** Builds the driver when missing or older than its source; returns false (with a reason) if it cannot. */
export function ensureLemon(log: (line: string) => void): boolean {
  if (!existsSync(HEADER)) {
    log('liblemon-dev is missing: installing it with apt-get (benchmark only)');
    const install = spawnSync('apt-get', ['install', '-y', 'liblemon-dev'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (install.status !== 0 || !existsSync(HEADER)) {
      log('could not install liblemon-dev: the LEMON columns are left out');
      return false;
    }
  }
  mkdirSync(OUT_DIR, { recursive: true });
  if (!existsSync(BINARY) || statSync(BINARY).mtimeMs < statSync(SOURCE).mtimeMs) {
    execFileSync('g++', ['-O2', '-std=c++17', '-o', BINARY, SOURCE], { stdio: 'inherit' });
  }
  return true;
}

/** Writes the round once; `runLemon` can then solve the file several times. */
export function writeLemonRound(graph: CandidateGraph, objective: AssignmentObjective, name: string): string {
  const e = graph.edgeMentee.length;
  const n = graph.mentorCount;
  const data = new Int32Array(4 + n + 3 * e);
  data.set([graph.menteeCount, n, e, objective === 'max-matched-then-score' ? 1 : 0]);
  data.set(Int32Array.from(graph.capacity), 4);
  data.set(graph.edgeMentee, 4 + n);
  data.set(graph.edgeMentor, 4 + n + e);
  data.set(graph.edgePoints, 4 + n + 2 * e);
  const file = join(OUT_DIR, `${name}.bin`);
  writeFileSync(file, new Uint8Array(data.buffer));
  return file;
}

export function runLemon(file: string): LemonResult {
  const out = execFileSync(BINARY, [file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim()) as LemonResult;
}
