// Writes drill's FSRS-6 parity vectors from the reference implementation.
//
//   cd tests/fsrs && npm ci && node gen_vectors.mjs > ../data/fsrs_vectors.tsv
//
// ts-fsrs is pinned to 5.4.2 in package.json. The output is deterministic:
// a fixed-seed PRNG picks the review histories, so rerunning it with the
// same ts-fsrs gives the same file. The record kinds are described in the
// header the script prints (and in docs/fsrs.md).
import {
  FSRS,
  createEmptyCard,
  forgetting_curve,
  get_fuzz_range,
  CLAMP_PARAMETERS,
  W17_W18_Ceiling,
  default_w,
} from 'ts-fsrs'
import { readFileSync } from 'node:fs'

// ts-fsrs reports weight migration with console.debug, which goes to stdout.
console.debug = () => {}

const DAY = 86400000
const version = JSON.parse(
  readFileSync(new URL('./node_modules/ts-fsrs/package.json', import.meta.url))
).version
if (version !== '5.4.2') {
  throw new Error(`ts-fsrs ${version} installed; the vectors need 5.4.2 (npm ci)`)
}

// mulberry32: small, deterministic, good enough to pick test cases.
function makeRng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = makeRng(20260301)
const uniform = (lo, hi) => lo + (hi - lo) * rand()
const randint = (lo, hi) => Math.floor(uniform(lo, hi + 1)) // inclusive
function pick(weights) {
  // weights: [[value, weight], ...]
  const total = weights.reduce((s, [, w]) => s + w, 0)
  let x = rand() * total
  for (const [v, w] of weights) {
    if ((x -= w) < 0) return v
  }
  return weights[weights.length - 1][0]
}

// A weight vector inside the clamp ranges, with 4 decimals like trained ones.
function randomWeights(n, shortTerm) {
  const bounds = CLAMP_PARAMETERS(W17_W18_Ceiling, shortTerm)
  const w = []
  for (let i = 0; i < n; i++) {
    let [lo, hi] = bounds[i]
    if (i < 4) hi = i === 3 ? 40 : 12 // keep initial stabilities plausible
    if (i === 17 || i === 18) hi = 1.2
    const v = Math.round(uniform(lo, hi) * 10000) / 10000
    w.push(Math.min(Math.max(v, bounds[i][0]), bounds[i][1]))
  }
  if (n >= 4) w.slice(0, 4).sort((a, b) => a - b).forEach((v, i) => (w[i] = v))
  return w
}

const FSRS45_W = [
  0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474,
  0.1367, 1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755,
]
const FSRS5_W = [
  0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575,
  0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655,
  0.6621,
]

const DEF_L = ['1m', '10m']
const DEF_RL = ['10m']
// seqs: how many review histories each configuration gets.
const configs = [
  { name: 'default', retention: 0.9, learning: DEF_L, relearning: DEF_RL, seqs: 90 },
  { name: 'no_steps', retention: 0.9, learning: [], relearning: [], seqs: 70 },
  { name: 'r080', retention: 0.8, learning: DEF_L, relearning: DEF_RL, seqs: 50 },
  { name: 'r095_no_steps', retention: 0.95, learning: [], relearning: [], seqs: 50 },
  { name: 'r085_custom_w_3steps', retention: 0.85, learning: ['5m', '30m', '1h'],
    relearning: ['10m', '1h'], w: randomWeights(21, true), seqs: 45 },
  { name: 'r070_custom_w', retention: 0.7, learning: ['1m'],
    relearning: ['5m', '15m', '1h'], w: randomWeights(21, true), seqs: 40 },
  { name: 'long_term', retention: 0.9, learning: DEF_L, relearning: DEF_RL,
    shortTerm: false, seqs: 40 },
  { name: 'long_term_custom_w', retention: 0.95, learning: [], relearning: [],
    shortTerm: false, w: randomWeights(21, false), seqs: 30 },
  { name: 'fsrs5_weights', retention: 0.9, learning: DEF_L, relearning: DEF_RL,
    w: FSRS5_W, seqs: 30 },
  { name: 'fsrs45_weights', retention: 0.9, learning: DEF_L, relearning: DEF_RL,
    w: FSRS45_W, seqs: 30 },
  { name: 'day_steps', retention: 0.9, learning: ['10m', '1d'],
    relearning: ['30m', '2d'], seqs: 35 },
  { name: 'max_ivl_180_r097', retention: 0.97, learning: DEF_L, relearning: DEF_RL,
    maxInterval: 180, seqs: 30 },
  { name: 'r099_no_steps', retention: 0.99, learning: [], relearning: [], seqs: 20 },
]

const fmtW = (w) => Array.from(w).map(String).join(',')
const fmtSteps = (s) => (s.length ? s.join(',') : '-')
const out = []
const emit = (...cols) => out.push(cols.join('\t'))

out.push(
  `# FSRS-6 reference vectors from ts-fsrs ${version}; written by tests/fsrs/gen_vectors.mjs. Do not edit.`,
  '# Fuzz off; days are UTC calendar days (drill: offset 0, rollover 0). Columns, tab-separated:',
  '# C cfg name retention max_interval short_term learning_steps relearning_steps w_given w_used',
  '#   (steps as ts-fsrs strings, "-" for none; w_given "-" = defaults; w_used = what ts-fsrs computed with)',
  '# R cfg seq now_ms rating elapsed_days state stability difficulty retrievability_before scheduled_days due_ms reps lapses learning_steps',
  '#   (one review of history seq, which starts from a New card; retrievability "-" for a New card)',
  '# F interval elapsed_days max_interval lo hi            (get_fuzz_range)',
  '# M short_term w_given w_used                           (parameter migration and clamping, one relearning step)',
)

function nextMidnight(ms) {
  return (Math.floor(ms / DAY) + 1) * DAY
}

// The time of the next review, chosen relative to the card's schedule so
// that same-day, on-time, early, overdue and very late reviews all occur.
function nextTime(card, last) {
  const due = card.due.getTime()
  const ivl = Math.max(due - last, 60000)
  const mode = pick([
    ['same_day', 18], ['at_due', 30], ['early', 12], ['overdue', 18],
    ['long', 6], ['late_evening', 6], ['after_midnight', 6], ['one_day', 4],
  ])
  let t
  switch (mode) {
    case 'same_day': t = last + uniform(0, nextMidnight(last) - last - 1); break
    case 'at_due': t = due + uniform(-2, 2) * 3600000; break
    case 'early': t = last + ivl * uniform(0.05, 0.95); break
    case 'overdue': t = due + Math.max(ivl, DAY) * uniform(0.1, 4); break
    case 'long': t = last + uniform(200, 4000) * DAY; break
    case 'late_evening': t = nextMidnight(last) - uniform(1, 120) * 1000; break
    case 'after_midnight': t = nextMidnight(last) + uniform(0, 60) * 1000; break
    case 'one_day': t = last + DAY; break
  }
  t = Math.floor(t / 1000) * 1000
  return Math.max(t, last)
}

function rating(kind) {
  switch (kind) {
    case 'easy_streak': return 4
    case 'good_streak': return 3
    case 'hard_streak': return pick([[2, 8], [3, 1]])
    case 'again_heavy': return pick([[1, 5], [2, 2], [3, 2], [4, 1]])
    default: return pick([[1, 15], [2, 15], [3, 55], [4, 15]])
  }
}

configs.forEach((cfg, ci) => {
  const params = {
    request_retention: cfg.retention,
    maximum_interval: cfg.maxInterval ?? 36500,
    enable_fuzz: false,
    enable_short_term: cfg.shortTerm ?? true,
    learning_steps: cfg.learning,
    relearning_steps: cfg.relearning,
  }
  if (cfg.w) params.w = cfg.w
  const f = new FSRS(params)
  const wUsed = f.parameters.w
  emit('C', ci, cfg.name, cfg.retention, params.maximum_interval,
    params.enable_short_term ? 1 : 0, fmtSteps(cfg.learning),
    fmtSteps(cfg.relearning), cfg.w ? fmtW(cfg.w) : '-', fmtW(wUsed))

  for (let seq = 0; seq < cfg.seqs; seq++) {
    const kind = pick([
      ['mixed', 70], ['easy_streak', 6], ['good_streak', 8], ['hard_streak', 6],
      ['again_heavy', 10],
    ])
    let len = kind === 'easy_streak' ? randint(8, 30) : randint(3, 30)
    // Some histories start before 1970 (negative times), most in 2015-2030.
    let now = rand() < 0.05
      ? Math.floor(uniform(-2e11, -1e6) / 1000) * 1000
      : Math.floor(uniform(1.42e12, 1.89e12) / 1000) * 1000
    let card = createEmptyCard(new Date(now))
    for (let i = 0; i < len; i++) {
      if (i > 0) now = nextTime(card, now)
      const g = rating(kind)
      const before = card
      const { card: after, log } = f.next(before, new Date(now), g)
      const elapsed = log.elapsed_days
      const r = before.state === 0
        ? '-'
        : forgetting_curve(wUsed, elapsed, before.stability)
      emit('R', ci, seq, now, g, elapsed, after.state, after.stability,
        after.difficulty, r, after.scheduled_days, after.due.getTime(),
        after.reps, after.lapses, after.learning_steps)
      card = after
    }
  }
})

// Fuzz windows.
const ivls = [3, 4, 5, 6, 7, 8, 10, 12, 15, 19, 20, 21, 25, 30, 45, 60, 100,
  180, 365, 1000, 5000, 36500]
for (const ivl of ivls) {
  for (const maxIvl of [36500, 180, 30]) {
    for (const el of [0, 1, Math.floor(ivl / 2), ivl - 1, ivl, ivl + 3, ivl * 2]) {
      const { min_ivl, max_ivl } = get_fuzz_range(ivl, el, maxIvl)
      emit('F', ivl, el, maxIvl, min_ivl, max_ivl)
    }
  }
}

// Migration and clamping of 17-, 19- and 21-weight vectors.
const mcases = [[FSRS45_W, true], [FSRS45_W, false], [FSRS5_W, true],
  [FSRS5_W, false], [Array.from(default_w), true], [Array.from(default_w), false]]
for (let i = 0; i < 40; i++) {
  const n = [17, 19, 21][i % 3]
  const st = i % 2 === 0
  mcases.push([randomWeights(n, st), st])
}
// FSRS-4.5 vectors whose migrated w4 leaves [1, 10] and is clamped again.
mcases.push([[...FSRS45_W.slice(0, 4), 9.5, 1.5, ...FSRS45_W.slice(6)], true])
mcases.push([[...FSRS45_W.slice(0, 4), 1, 0.001, 0.001, ...FSRS45_W.slice(7)], true])
// toFixed(8) carrying into the units (1.9999999998 -> 2) and breaking an
// exact tie upwards (0.501953125 -> 0.50195313; printf would give ...12).
mcases.push([[...FSRS45_W.slice(0, 4), 1, 0.4999999999, 0.001953125, ...FSRS45_W.slice(7)], true])
for (const [w, st] of mcases) {
  const f = new FSRS({ w, enable_short_term: st, relearning_steps: ['10m'] })
  emit('M', st ? 1 : 0, fmtW(w), fmtW(f.parameters.w))
}

process.stdout.write(out.join('\n') + '\n')
