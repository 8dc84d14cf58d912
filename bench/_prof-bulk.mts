import { rmSync } from 'node:fs'
import { openLibrary } from '../src/main/library'
import { Corpus, writeHfDigest } from './corpus'
import { importFile } from '../src/main/ingest/pipeline'
const dir = '/work/scratch/search/v2'
const path = `${dir}/bulk.sqlite`
for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true })
const lib = openLibrary(path)
const corpus = new Corpus()
const n = Number(process.argv[2] ?? 20000)
writeHfDigest(`${dir}/bulk.txt`, '2026-01-01', Array.from({ length: n }, (_, i) => corpus.paper(i + 1)))
const s = performance.now()
const r = importFile(lib, `${dir}/bulk.txt`, { date: '2026-01-01' })
const ms = performance.now() - s
console.log(r.ok, ms.toFixed(0), 'ms', Math.round(n / ms * 1000), 'papers/s')
lib.close()
