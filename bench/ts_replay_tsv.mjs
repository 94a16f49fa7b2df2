// The Node reference for bench/bench_replay.sh: the whole of `drill fsrs
// replay` done with ts-fsrs 5.4.2 (tests/fsrs/node_modules), fuzz off,
// default learning steps. Reads the TSV (card_id, unix_seconds, rating;
// cards interleaved) once, replays every review, and writes the same
// columns as drill (retrievability before the review, "-" for a new card)
// in batches of 65,536 lines. Prints to stderr
//   result <seconds from the first read to the last write> <sum of intervals> <version>
// Usage: node ts_replay_tsv.mjs IN.tsv OUT.tsv
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const root = new URL('../tests/fsrs/node_modules/ts-fsrs/', import.meta.url)
const { fsrs, createEmptyCard } = await import(new URL('dist/index.mjs', root))
const version = JSON.parse(readFileSync(new URL('package.json', root))).version
const names = ['new', 'learning', 'review', 'relearning']
const [inFile, outFile] = process.argv.slice(2)

const t0 = performance.now()
const lines = readFileSync(inFile, 'utf8').split('\n')
const fd = openSync(outFile, 'w')
writeSync(fd, 'card_id\tunix_seconds\trating\tstate_after\tstability\tdifficulty\t' +
  'retrievability_before\tinterval_days\tdue_unix\n')
const f = fsrs({ enable_fuzz: false })
const cards = new Map()
let batch = []
let days = 0
for (const line of lines) {
  if (line === '' || line[0] === '#') continue
  const [id, secs, g] = line.split('\t')
  const now = new Date(Number(secs) * 1000)
  let card = cards.get(id)
  let r = '-'
  if (card === undefined) card = createEmptyCard(now)
  else if (card.state !== 0) r = String(f.get_retrievability(card, now, false))
  card = f.next(card, now, Number(g)).card
  cards.set(id, card)
  days += card.scheduled_days
  batch.push(`${id}\t${secs}\t${g}\t${names[card.state]}\t${card.stability}\t${card.difficulty}\t` +
    `${r}\t${card.scheduled_days}\t${Math.floor(card.due.getTime() / 1000)}`)
  if (batch.length === 65536) {
    writeSync(fd, batch.join('\n') + '\n')
    batch = []
  }
}
if (batch.length > 0) writeSync(fd, batch.join('\n') + '\n')
closeSync(fd)
console.error(`result ${(performance.now() - t0) / 1000} ${days} ${version}`)
