#!/usr/bin/env node
// Writes tests/unit/data/sm2_vectors.txt to stdout: SM-2 grade sequences with the intervals,
// E-Factors and repetition counts that the oracle's "literal" column (@dtjv/sm-2) gives, and,
// where recall's exact integer arithmetic differs from that floating-point reading, recall's own
// values with the reason. See docs/scheduling.md.
//
//   cp -r ../shared/tools/sm2-oracle /tmp/sm2-oracle && chmod -R u+w /tmp/sm2-oracle
//   (cd /tmp/sm2-oracle && npm ci)
//   node bench/gen_sm2_vectors.js /tmp/sm2-oracle > tests/unit/data/sm2_vectors.txt
//
// The argument is an oracle directory with node_modules installed; it defaults to
// ../shared/tools/sm2-oracle relative to the repository root. The output is deterministic (fixed
// seed), so rerunning it must give an identical file. With --markdown it prints instead the table
// of floating-point differences that docs/scheduling.md shows.
'use strict';

const { execFileSync } = require('child_process');
const { createRequire } = require('module');
const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const markdown = args.includes('--markdown');
const oracleArg = args.find((a) => a !== '--markdown');
const oracleDir = path.resolve(oracleArg || path.join(repoRoot, '..', 'shared', 'tools', 'sm2-oracle'));
const oracleJs = path.join(oracleDir, 'oracle.js');
if (!fs.existsSync(oracleJs) || !fs.existsSync(path.join(oracleDir, 'node_modules'))) {
  console.error(`gen_sm2_vectors: ${oracleDir} is not an installed oracle (needs oracle.js and ` +
                'node_modules; copy it somewhere writable and run `npm ci` there)');
  process.exit(2);
}
const oracleRequire = createRequire(path.join(oracleDir, 'package.json'));
const { sm2 } = oracleRequire('@dtjv/sm-2');
const packageVersion = (name) =>
  JSON.parse(fs.readFileSync(path.join(oracleDir, 'node_modules', name, 'package.json'), 'utf8')).version;

// Must match include/recall/schedule/sm2.hpp.
const kInitialEfCenti = 250;
const kMinEfCenti = 130;
const kMaxIntervalDays = 36500;

// recall's rule, in exact integers (all values stay far below 2^53).
function recallStep(state, q) {
  if (q < 3) return { interval: 1, ef: state.ef, n: 0 };
  const miss = 5 - q;
  const ef = Math.max(state.ef + 10 - miss * (8 + miss * 2), kMinEfCenti);
  const n = state.n + 1;
  let interval = n === 1 ? 1 : n === 2 ? 6 : Math.floor((state.interval * ef + 99) / 100);
  interval = Math.min(interval, kMaxIntervalDays);
  return { interval, ef, n };
}

function recallRun(seq) {
  let state = { interval: 0, ef: kInitialEfCenti, n: 0 };
  return seq.map((q) => (state = recallStep(state, q)));
}

const efText = (centi) => `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;
const token = (s) => `${s.interval}d/${efText(s.ef)}/n${s.n}`;

// The oracle's package run directly, keeping the raw binary64 E-Factor.
function packageRun(seq) {
  let item = { rep: 0, repInterval: 1, easyFactor: 2.5 };
  return seq.map((q) => (item = sm2(item, q)));
}
const packageToken = (a) => `${a.repInterval}d/${a.easyFactor.toFixed(2)}/n${a.rep}`;

// Checks one step of recall against the oracle fed recall's own exact state. The only allowed
// differences are the cap and an interval that is an exact integer in decimal but one day more
// in binary64; anything else would be a bug on one side, so it stops the generator.
function checkStep(before, q, ours) {
  const theirs = sm2({ rep: before.n, repInterval: before.interval, easyFactor: before.ef / 100 }, q);
  const sameEf = theirs.easyFactor.toFixed(2) === efText(ours.ef);
  if (theirs.rep === ours.n && sameEf) {
    if (theirs.repInterval === ours.interval) return;
    if (ours.interval === kMaxIntervalDays && theirs.repInterval > kMaxIntervalDays) return;
    const exact = before.interval * ours.ef;
    if (exact % 100 === 0 && theirs.repInterval === exact / 100 + 1) return;
  }
  throw new Error(`unexplained difference at grade ${q} from ${JSON.stringify(before)}: ` +
                  `recall ${token(ours)}, oracle ${packageToken(theirs)}`);
}

// The first step where the oracle's run differs from recall's, and why.
function firstDifference(seq, ours) {
  const theirs = packageRun(seq);
  for (let i = 0; i < seq.length; ++i) {
    if (packageToken(theirs[i]) === token(ours[i])) continue;
    const prev = i > 0 ? ours[i - 1].interval : 0;
    const ef = efText(ours[i].ef);
    const got = theirs[i].repInterval;
    if (ours[i].interval === kMaxIntervalDays && got > kMaxIntervalDays) {
      return { step: i + 1, why: `cap: ${prev} x ${ef} rounds up to ${got} days, over ${kMaxIntervalDays}` };
    }
    const raw = theirs[i].easyFactor;
    const exact = prev * ours[i].ef;
    if (exact % 100 !== 0 || got !== exact / 100 + 1 || theirs[i].rep !== ours[i].n) {
      throw new Error(`unexplained difference in ${seq.join(',')} at step ${i + 1}`);
    }
    // float-product: the E-Factor is the double nearest the decimal, the product still rounds
    // above the integer. float-drift: repeated binary additions moved the E-Factor itself.
    const kind = raw === ours[i].ef / 100 ? 'float-product' : 'float-drift';
    return {
      step: i + 1,
      why: `${kind}: ${prev} x ${ef} = ${exact / 100} exactly; the oracle computes ` +
           `${prev} * ${raw} = ${prev * raw} and rounds up to ${got}`,
    };
  }
  return null;
}

// Runs oracle.js itself and keeps its "literal" column, grade prefix dropped.
function runOracle(seqs) {
  const out = execFileSync(process.execPath, [oracleJs, ...seqs.map((s) => s.join(','))],
                           { cwd: oracleDir, encoding: 'utf8' });
  const lines = out.split('\n');
  const result = [];
  for (let i = 0; i < lines.length; ++i) {
    const m = /^ {2}literal \(@dtjv\/sm-2\) +(.*)$/.exec(lines[i]);
    if (!m) continue;
    const seq = seqs[result.length];
    if (lines[i - 1] !== `grades ${seq.join(',')}`) throw new Error(`unexpected oracle output near ${lines[i - 1]}`);
    const tokens = m[1].trim().split(/ +/).map((t, k) => {
      const tm = /^(\d):(\d+d\/\d+\.\d\d\/n\d+)$/.exec(t);
      if (!tm || Number(tm[1]) !== seq[k]) throw new Error(`bad oracle token ${t}`);
      return tm[2];
    });
    result.push(tokens);
  }
  if (result.length !== seqs.length) throw new Error('oracle output does not match the input');
  return result;
}

// --- the sequences -------------------------------------------------------------------------------

const rep = (q, count) => Array(count).fill(q);
const handPicked = [
  // one answer of each grade
  [0], [1], [2], [3], [4], [5],
  // all 5s: 1, 6, 17, 50 with EF 2.6 .. 2.9, then the first float difference at step 5
  rep(5, 4), rep(5, 8),
  // all 4s: EF stays 2.5
  rep(4, 8),
  // all 3s: EF falls by 0.14 a step to the floor 1.3 (step 9) and stays there
  rep(3, 12),
  // at the floor, then recovering
  [...rep(3, 10), ...rep(5, 6)], [...rep(3, 9), 4, 4, 4, 4, 4],
  // failures only, and failures first: EF must not move
  [0, 0, 0], [2, 1, 0, 2], [0, 0, 5, 5], [2, 2, 4, 4, 4],
  // failures mid-sequence
  [5, 5, 4, 2, 5], [4, 3, 5, 2, 5], [5, 5, 5, 5, 1, 5, 5, 5], [5, 5, 5, 0, 0, 5, 5, 5, 5],
  [3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 3, 5], [5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5],
  // failure right after the second success (interval was 6)
  [5, 5, 2, 5, 5, 5],
  // alternating pass and fail
  [5, 0, 5, 0, 5, 0, 5, 0], [3, 2, 3, 2, 3, 2, 3],
  // 3s after a rise, 5s after a fall
  [5, 5, 5, 3, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5, 5, 5],
  // the interval cap (36500 days)
  rep(5, 12), [...rep(5, 11), 2, ...rep(5, 11)],
];

// Sequences whose first difference from the oracle is at the last step, shortest first: the
// smallest witnesses of each kind of floating-point difference.
function shortestWitnesses(maxLength, perKind) {
  const found = { 'float-drift': [], 'float-product': [] };
  const visit = (seq) => {
    if (seq.length > 0) {
      const diff = firstDifference(seq, recallRun(seq));
      if (diff) {
        if (diff.step === seq.length) {
          const kind = diff.why.split(':')[0];
          if (found[kind] && found[kind].length < perKind) found[kind].push(seq);
        }
        return;  // longer sequences with this prefix add nothing new
      }
    }
    if (seq.length < maxLength) for (const q of [0, 3, 4, 5]) visit([...seq, q]);
  };
  visit([]);
  return [...found['float-drift'], ...found['float-product']];
}

// mulberry32: a fixed-seed generator so that the file is reproducible.
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomSequences(count, seed) {
  const next = mulberry32(seed);
  // Mostly passing answers, as in real use: 0 1 2 3 4 5
  const weights = [4, 4, 8, 20, 32, 32];
  const total = weights.reduce((a, b) => a + b, 0);
  const grade = () => {
    let r = next() * total;
    for (let q = 0; q < 6; ++q) if ((r -= weights[q]) < 0) return q;
    return 5;
  };
  const seqs = [];
  for (let i = 0; i < count; ++i) {
    const length = 2 + Math.floor(next() * (i < count / 2 ? 10 : 30));
    seqs.push(Array.from({ length }, grade));
  }
  return seqs;
}

const seen = new Set();
const sequences = [...handPicked, ...shortestWitnesses(9, 4), ...randomSequences(120, 20260301)]
  .filter((s) => !seen.has(s.join(',')) && seen.add(s.join(',')));
const oracle = runOracle(sequences);

// --- output --------------------------------------------------------------------------------------

const lines = [];
const table = ['| grades | step | recall | oracle | kind |', '| --- | --- | --- | --- | --- |'];
let differences = 0;
for (let i = 0; i < sequences.length; ++i) {
  const seq = sequences[i];
  const ours = recallRun(seq);
  let before = { interval: 0, ef: kInitialEfCenti, n: 0 };
  seq.forEach((q, k) => {
    checkStep(before, q, ours[k]);
    before = ours[k];
  });
  if (oracle[i].join(' ') !== packageRun(seq).map(packageToken).join(' ')) {
    throw new Error(`oracle.js and @dtjv/sm-2 disagree on ${seq.join(',')}`);
  }
  lines.push('', `grades ${seq.join(',')}`, `oracle ${oracle[i].join(' ')}`);
  const diff = firstDifference(seq, ours);
  if (diff) {
    ++differences;
    lines.push(`recall ${ours.map(token).join(' ')}`, `why step ${diff.step} ${diff.why}`);
    const kind = diff.why.split(':')[0];
    if (kind !== 'cap') {
      const k = diff.step - 1;
      const prev = k > 0 ? ours[k - 1].interval : 0;
      table.push(`| ${seq.join(',')} | ${diff.step} | ${prev} x ${efText(ours[k].ef)} = ` +
                 `${ours[k].interval} | ${oracle[i][k].split('d')[0]} | ${kind} |`);
    }
  }
}

const header = [
  '# SM-2 test vectors for recall::schedule::answer (tests/unit/test_schedule_sm2.cpp).',
  '#',
  '# Produced from the repository root with:',
  '#   cp -r ../shared/tools/sm2-oracle /tmp/sm2-oracle && chmod -R u+w /tmp/sm2-oracle',
  '#   (cd /tmp/sm2-oracle && npm ci)',
  '#   node bench/gen_sm2_vectors.js /tmp/sm2-oracle > tests/unit/data/sm2_vectors.txt',
  `# Oracle: oracle.js "literal" column, @dtjv/sm-2 ${packageVersion('@dtjv/sm-2')} ` +
    `(supermemo ${packageVersion('supermemo')} installed, not used).`,
  '#',
  '# Each case is a block of lines, blank line between cases:',
  '#   grades q1,q2,...   answers to a new card, each given on the day it falls due',
  '#   oracle I/EF/n ...  after each grade: interval in days, E-Factor, repetitions (oracle output)',
  '#   recall I/EF/n ...  only where recall differs: recall\'s values, which the test expects',
  '#   why step K ...     the first step that differs and why (float-drift, float-product, cap)',
  '# Steps before K must agree with the oracle; the generator stops on any unexplained difference.',
  `# ${sequences.length} cases, ${differences} expected differences.`,
];
process.stdout.write((markdown ? table : [...header, ...lines]).join('\n') + '\n');
