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
//
// With --differential it writes tests/unit/data/sm2_differential.txt instead: 10,000 random
// sequences, one line each, for tests/unit/test_schedule_differential.cpp, and with
// --differential --markdown the list of differences that docs/scheduling.md shows:
//
//   node bench/gen_sm2_vectors.js --differential /tmp/sm2-oracle > tests/unit/data/sm2_differential.txt
'use strict';

const { execFileSync } = require('child_process');
const { createRequire } = require('module');
const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const markdown = args.includes('--markdown');
const differential = args.includes('--differential');
const oracleArg = args.find((a) => !a.startsWith('--'));
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
  const result = [];
  for (let start = 0; start < seqs.length; start += 1000) {
    result.push(...runOracleBatch(seqs.slice(start, start + 1000)));
  }
  return result;
}

function runOracleBatch(seqs) {
  const out = execFileSync(process.execPath, [oracleJs, ...seqs.map((s) => s.join(','))],
                           { cwd: oracleDir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const lines = out.split('\n');
  const result = [];
  for (let i = 0; i < lines.length; ++i) {
    const m = /^ {2}literal \(@dtjv\/sm-2\) +(.*)$/.exec(lines[i]);
    if (!m) continue;
    const seq = seqs[result.length];
    if (lines[i - 1] !== `grades ${seq.join(',')}`) throw new Error(`unexpected oracle output near ${lines[i - 1]}`);
    const tokens = m[1].trim().split(/ +/).map((t, k) => {
      const tm = /^(\d):([0-9.e+]+d\/\d+\.\d\d\/n\d+)$/.exec(t);  // 4.2e+21d past the cap
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

if (differential) {
  differentialMain();
} else {
  vectorsMain();
}

function vectorsMain() {
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
}

// --- the 10,000-sequence differential ------------------------------------------------------------

// Random sequences of three kinds, from a fixed seed: grades as in real use (mostly passing),
// uniform grades, and long easy streaks that reach the interval cap.
function differentialSequences(count, seed) {
  const next = mulberry32(seed);
  const profiles = [
    { share: 0.7, weights: [4, 4, 8, 20, 32, 32] },
    { share: 0.2, weights: [1, 1, 1, 1, 1, 1] },
    { share: 0.1, weights: [1, 1, 2, 6, 30, 60] },
  ];
  const pick = (weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = next() * total;
    for (let q = 0; q < 6; ++q) if ((r -= weights[q]) < 0) return q;
    return 5;
  };
  const seqs = [];
  while (seqs.length < count) {
    let r = next();
    const profile = profiles.find((p) => (r -= p.share) < 0) || profiles[0];
    const u = next();
    const length = u < 0.7 ? 1 + Math.floor(next() * 12) : u < 0.95 ? 13 + Math.floor(next() * 8)
                                                                    : 21 + Math.floor(next() * 10);
    seqs.push(Array.from({ length }, () => pick(profile.weights)));
  }
  return seqs;
}

// The oracle's run of `seq` with its interval put back to recall's after each step: E-Factor and
// repetitions are the oracle's own (they do not depend on intervals), and each interval is what
// the oracle computes from the same previous interval as recall. Returns the tokens and every step
// where recall's interval differs, with its kind; stops on any other difference.
function differentialRun(seq, ours) {
  let item = { rep: 0, repInterval: 1, easyFactor: 2.5 };
  const tokens = [];
  const diffs = [];
  seq.forEach((q, k) => {
    const got = sm2(item, q);
    tokens.push(`${got.repInterval}/${got.easyFactor.toFixed(2)}/${got.rep}`);
    if (got.rep !== ours[k].n || got.easyFactor.toFixed(2) !== efText(ours[k].ef)) {
      throw new Error(`E-Factor or repetitions differ in ${seq.join('')} at step ${k + 1}`);
    }
    if (got.repInterval !== ours[k].interval) {
      const prev = k > 0 ? ours[k - 1].interval : 0;
      const exact = prev * ours[k].ef;
      let kind;
      if (ours[k].interval === kMaxIntervalDays && got.repInterval > kMaxIntervalDays) {
        kind = 'cap';
      } else if (exact % 100 === 0 && got.repInterval === exact / 100 + 1) {
        kind = got.easyFactor === ours[k].ef / 100 ? 'float-product' : 'float-drift';
      } else {
        throw new Error(`unexplained difference in ${seq.join('')} at step ${k + 1}`);
      }
      diffs.push({ step: k + 1, kind });
    }
    item = { ...got, repInterval: ours[k].interval };
  });
  return { tokens, diffs };
}

function differentialMain() {
  const count = 10000;
  const seed = 20260415;
  const sequences = differentialSequences(count, seed);
  const oracle = runOracle(sequences);
  const lines = [];
  const diffLines = [];
  const byKind = { 'float-drift': [], 'float-product': [], cap: [] };
  const sequencesWith = { 'float-drift': new Set(), 'float-product': new Set(), cap: new Set() };
  let steps = 0;
  sequences.forEach((seq, i) => {
    const ours = recallRun(seq);
    const { tokens, diffs } = differentialRun(seq, ours);
    // oracle.js itself: the same E-Factors and repetitions at every step, the same intervals up
    // to the first difference (after it, its own run grows from its own longer interval).
    const first = diffs.length > 0 ? diffs[0].step : seq.length + 1;
    oracle[i].forEach((t, k) => {
      const [interval, ef, n] = t.replace('d', '').replace('n', '').split('/');
      const [myInterval, myEf, myN] = tokens[k].split('/');
      if (ef !== myEf || n !== myN || (k + 1 <= first && interval !== myInterval)) {
        throw new Error(`oracle.js disagrees with the package on ${seq.join('')} at ${k + 1}`);
      }
    });
    steps += seq.length;
    lines.push(`${seq.join('')} ${tokens.join(' ')}`);
    for (const d of diffs) {
      diffLines.push(`diff ${i + 1} ${d.step} ${d.kind}`);
      byKind[d.kind].push(`${i + 1}:${d.step}`);
      sequencesWith[d.kind].add(i + 1);
    }
  });

  const summary = Object.keys(byKind).map((kind) =>
    `${byKind[kind].length} ${kind} (in ${sequencesWith[kind].size} sequences)`).join(', ');
  if (markdown) {
    // Per kind, `SEQUENCE:STEPS` with runs of consecutive steps as ranges: `40:10-14,17`.
    const out = [`${diffLines.length} differences in ${steps} steps of ${count} sequences: ${summary}.`];
    for (const kind of Object.keys(byKind)) {
      const steps = new Map();
      for (const entry of byKind[kind]) {
        const [seqNo, step] = entry.split(':').map(Number);
        if (!steps.has(seqNo)) steps.set(seqNo, []);
        steps.get(seqNo).push(step);
      }
      const entries = [];
      for (const [seqNo, list] of steps) {
        const parts = [];
        for (let a = 0; a < list.length;) {
          let b = a;
          while (b + 1 < list.length && list[b + 1] === list[b] + 1) ++b;
          parts.push(b > a ? `${list[a]}-${list[b]}` : `${list[a]}`);
          a = b + 1;
        }
        entries.push(`${seqNo}:${parts.join(',')}`);
      }
      out.push('', `${kind}:`);
      let line = '';
      for (const entry of entries) {
        if (line.length + entry.length + 1 > 98) {
          out.push(line);
          line = '';
        }
        line += (line ? ' ' : '') + entry;
      }
      if (line) out.push(line);
    }
    process.stdout.write(out.join('\n') + '\n');
    return;
  }
  const header = [
    `# SM-2 differential data for recall::schedule::answer (tests/unit/test_schedule_differential.cpp).`,
    '#',
    '# Produced from the repository root with:',
    '#   cp -r ../shared/tools/sm2-oracle /tmp/sm2-oracle && chmod -R u+w /tmp/sm2-oracle',
    '#   (cd /tmp/sm2-oracle && npm ci)',
    '#   node bench/gen_sm2_vectors.js --differential /tmp/sm2-oracle > tests/unit/data/sm2_differential.txt',
    `# Oracle: the "literal" reading of /work/shared/tools/sm2-oracle, @dtjv/sm-2 ` +
      `${packageVersion('@dtjv/sm-2')}. Seed ${seed}.`,
    '#',
    '# One line per sequence, numbered from 1 in file order: GRADES TOKEN...',
    '#   GRADES  answers to a new card, one digit each, each given on the day the card falls due',
    '#   TOKEN   after each grade, the oracle\'s interval/E-Factor/repetitions. E-Factors and',
    '#           repetitions are the oracle\'s own run (oracle.js prints the same). Each interval is',
    '#           what the oracle computes from the same previous interval as recall: up to the',
    '#           first difference of a sequence that is oracle.js\'s own output; after it, the',
    '#           oracle is given recall\'s interval back, so that every step is compared.',
    '# Then every step where recall differs: diff SEQUENCE STEP KIND',
    '#   float-drift    I(n-1) x EF\' is a whole number in decimal; the oracle\'s E-Factor, summed',
    '#                  in binary floating point, is a little above it and rounds up a day more',
    '#   float-product  the same, with the E-Factor the nearest double to its decimal value',
    '#   cap            recall saturates at 36500 days; the oracle has no cap',
    `# ${count} sequences, ${steps} steps, ${diffLines.length} differences: ${summary}.`,
  ];
  process.stdout.write([...header, ...lines, ...diffLines].join('\n') + '\n');
}
