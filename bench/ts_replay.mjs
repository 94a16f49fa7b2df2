// The Node half of bench_fsrs: replays a history file (card<TAB>ms<TAB>rating,
// card-major) through ts-fsrs 5.4.2 from tests/fsrs/node_modules and prints
//   result <best seconds> <sum of intervals> <sum of final stability> <sum of lapses> <version>
// Only the replay loop is timed. Usage: node ts_replay.mjs FILE [RUNS]
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const root = new URL('../tests/fsrs/node_modules/ts-fsrs/', import.meta.url)
const { fsrs, createEmptyCard } = await import(new URL('dist/index.mjs', root))
const version = JSON.parse(readFileSync(new URL('package.json', root))).version

const [file, runsArg] = process.argv.slice(2)
const runs = Number(runsArg ?? 2)
const lines = readFileSync(file, 'utf8').split('\n')
const n = lines.length - (lines[lines.length - 1] === '' ? 1 : 0)
const cards = new Int32Array(n)
const times = new Float64Array(n)
const ratings = new Int8Array(n)
for (let i = 0; i < n; i++) {
  const [c, t, g] = lines[i].split('\t')
  cards[i] = Number(c)
  times[i] = Number(t)
  ratings[i] = Number(g)
}

const f = fsrs({ enable_fuzz: false })
let best = Infinity
let days = 0
let stability = 0
let lapses = 0
for (let run = 0; run < runs; run++) {
  days = 0
  stability = 0
  lapses = 0
  const t0 = performance.now()
  let card = null
  let cur = -1
  for (let i = 0; i < n; i++) {
    if (cards[i] !== cur) {
      if (card) {
        stability += card.stability
        lapses += card.lapses
      }
      card = createEmptyCard(new Date(times[i]))
      cur = cards[i]
    }
    card = f.next(card, new Date(times[i]), ratings[i]).card
    days += card.scheduled_days
  }
  if (card) {
    stability += card.stability
    lapses += card.lapses
  }
  best = Math.min(best, (performance.now() - t0) / 1000)
}
console.log(`result ${best} ${days} ${stability} ${lapses} ${version}`)
