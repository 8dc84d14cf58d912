// The recommender's bench: quality (precision@20 against two baselines on labelled synthetic
// libraries, see recommend-quality.ts) and speed at a large library (first ranking, ranking
// after a star and after a read, related papers, the longest the engine held the thread, memory).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDiscoverEngine } from '../src/main/discover/engine'
import { recommendedPage, relatedPapers } from '../src/main/discover/lists'
import { parsedPaper } from '../src/main/import/paper'
import { openLibrary } from '../src/main/library'
import type { Library } from '../src/main/library/contract'
import { median, percentile, progress, round } from './measure'
import { labelledLibrary, type LabelledPaper } from './recommend-library'
import { measureQuality } from './recommend-quality'

export interface RecommendBenchOptions {
  papers: number
  /** Seeds per topic count for the quality table. */
  seeds?: number
  quality?: boolean
}

const DIGEST_SIZE = 10_000

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

function fillLibrary(library: Library, papers: readonly LabelledPaper[], name = 'digest'): void {
  for (let start = 0; start < papers.length; start += DIGEST_SIZE) {
    const chunk = papers.slice(start, start + DIGEST_SIZE)
    const day = isoDay(chunk[0]!.day)
    library.importDigest({
      digest: { title: `Bench ${name} ${start / DIGEST_SIZE + 1}`, dateFrom: day, dateTo: day },
      entries: chunk.map((p, i) =>
        parsedPaper({
          title: p.title,
          abstract: p.abstract,
          authors: p.authors,
          publishedAt: isoDay(p.day),
          line: i + 1
        })
      ),
      format: 'bench',
      fileName: null,
      contentHash: `${name === 'digest' ? '' : 'f'}${(start + 1).toString(16)}`.padStart(16, '0')
    })
  }
}

function storedBytes(library: Library): number {
  const head = library.discover.model.head()
  if (head === null) return 0
  let total = head.documentFrequency.byteLength + head.featureOf.byteLength
  for (let from = 0; ;) {
    const chunks = library.discover.model.chunks(head.generation, from, 4)
    if (chunks.length === 0) return total
    for (const c of chunks)
      total += c.papers.length + c.days.length + c.lengths.length + c.terms.length + c.weights.length
    from = chunks[chunks.length - 1]!.chunk + 1
  }
}

/** Wall time, and the CPU time the process spent meanwhile (what a loaded machine inflates less). */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const start = performance.now()
  const cpu = process.cpuUsage()
  const value = await work()
  const used = process.cpuUsage(cpu)
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value }
}

function megabytes(bytes: number): number {
  return round(bytes / 2 ** 20)
}

async function measureSpeed(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'dogear-recommend-'))
  const library = openLibrary(join(dir, 'library.sqlite'))
  try {
    const topics = 40
    progress(`recommend: a labelled library of ${count} papers`)
    const papers = labelledLibrary({ topics, papersPerTopic: Math.ceil(count / topics), seed: 1 }).slice(0, count)
    fillLibrary(library, papers)
    const byTopic = (topic: number) => papers.filter((p) => p.topic === topic).map((p) => p.id)
    library.setStarred(byTopic(0).slice(0, 8), true)
    library.markRead(byTopic(5).slice(0, 20), true)

    global.gc?.()
    const before = process.memoryUsage()
    const engine = createDiscoverEngine(library.discover)
    const query = { filter: { kind: 'recommended' as const }, limit: 50 }
    progress('recommend: first ranking, nothing stored')
    const first = await timed(() => recommendedPage(library, engine, query))
    global.gc?.()
    const after = process.memoryUsage()

    const afterStar: number[] = []
    const afterRead: number[] = []
    const afterStarCpu: number[] = []
    const afterReadCpu: number[] = []
    for (let i = 0; i < 5; i++) {
      library.setStarred([byTopic(0)[10 + i]!], true)
      const star = await timed(() => recommendedPage(library, engine, query))
      afterStar.push(star.ms)
      afterStarCpu.push(star.cpuMs)
      library.markRead([first.value.items[i]!.id], true)
      const read = await timed(() => recommendedPage(library, engine, query))
      afterRead.push(read.ms)
      afterReadCpu.push(read.cpuMs)
    }
    const relatedTimes: number[] = []
    const relatedCpu: number[] = []
    for (let i = 0; i < 30; i++) {
      const id = 1 + ((i * 7919) % count)
      const related = await timed(() => relatedPapers(library, engine, id, 5))
      relatedTimes.push(related.ms)
      relatedCpu.push(related.cpuMs)
    }
    const storedMb = megabytes(storedBytes(library))

    progress('recommend: first ranking of the next start (the stored index)')
    const running = (await recommendedPage(library, engine, query)).items.map((p) => p.id).join()
    const restarted = createDiscoverEngine(library.discover)
    const fromStored = await timed(() => recommendedPage(library, restarted, query))
    progress('recommend: first ranking of a start after a new digest of 1,000 papers')
    fillLibrary(library, labelledLibrary({ topics, papersPerTopic: 25, seed: 2 }), 'next')
    const afterDigest = await timed(() => recommendedPage(library, createDiscoverEngine(library.discover), query))
    const precision = first.value.items.slice(0, 20).filter((p) => papers[p.id - 1]!.topic === 0).length / 20
    return {
      papers: count,
      firstRankingMs: round(fromStored.ms),
      firstRankingAfterDigestMs: round(afterDigest.ms),
      coldFirstRankingMs: round(first.ms),
      cpuMs: {
        firstRanking: round(fromStored.cpuMs),
        firstRankingAfterDigest: round(afterDigest.cpuMs),
        coldFirstRanking: round(first.cpuMs),
        afterStarMedian: round(median(afterStarCpu)),
        afterReadMedian: round(median(afterReadCpu)),
        relatedMedian: round(median(relatedCpu))
      },
      sameFirstPage: fromStored.value.items.map((p) => p.id).join() === running,
      afterStarMedianMs: round(median(afterStar)),
      afterStarMaxMs: round(Math.max(...afterStar)),
      afterReadMedianMs: round(median(afterRead)),
      afterReadMaxMs: round(Math.max(...afterRead)),
      relatedMedianMs: round(median(relatedTimes)),
      relatedP95Ms: round(percentile(relatedTimes, 95)),
      longestSliceMs: round(engine.longestSliceMs()),
      indexMb: megabytes(engine.bytes()),
      storedIndexMb: storedMb,
      heapGrowthMb: megabytes(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers),
      precisionAt20: precision,
      includes: {
        firstRankingMs:
          'the next start: a new engine loads the index the first one stored in the library file (chunk by chunk), ' +
          'then trains on the stars and reads of that moment, scores all, selects and explains the first 50',
        firstRankingAfterDigestMs:
          'the same after a digest of 1,000 new papers: the stored index, then the new papers added to it (and saved)',
        coldFirstRankingMs:
          'a new engine with nothing stored: a sample of at most 20,000 papers for the word counts, then every paper page by page hashed into TF-IDF vectors, ' +
          'the index written to the library file, then train on 8 starred, 20 read and a sample of unread papers, score all, sort, explain the first 50',
        sameFirstPage:
          'the loaded index gives the same first page as the one it was saved from would (after the stars and reads since)',
        afterStarMs:
          'one more star, then the same page: labels read again, model retrained from the last duals, all scored, the page selected and explained',
        afterReadMs: 'one suggestion marked read, then the same page',
        relatedMs: 'the 5 papers closest to one paper (cosine against every vector), loaded as list rows',
        longestSliceMs: 'the longest the engine held the thread at once (it yields between pages of 500 papers)',
        indexMb: 'typed arrays of the feature index (vectors, document frequencies, slot tables)',
        storedIndexMb: "the stored index's blobs in the library file",
        heapGrowthMb: 'V8 heap plus array buffers after the first ranking minus before (after gc when exposed)'
      }
    }
  } finally {
    library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchRecommend(options: RecommendBenchOptions) {
  const quality =
    options.quality === false
      ? null
      : (progress('recommend: quality against the centroid and SVM baselines'),
        measureQuality([4, 8, 16], options.seeds ?? 4))
  const speed = await measureSpeed(options.papers)
  return {
    quality: quality && {
      rows: quality,
      includes:
        'precision@20 of the unread, unstarred list with 8 papers starred (2 of them off the topic) and 20 others read ' +
        '(random: from any other topic; nearMiss: from the sibling topic sharing 34 of its 40 words), averaged ' +
        'over every topic and seeds; centroid: cosine to the starred TF-IDF centroid; svm: linear SVM (squared ' +
        'hinge, C 0.01, balanced classes) with the starred papers positive and all others negative; readsAsUnread: ' +
        'the recommender with the read papers weighed like unread ones (what the reads add)'
    },
    speed,
    targets: {
      precisionVsSvm: { target: '>= svm', met: quality ? quality.every((row) => row.recommender >= row.svm) : null },
      firstRankingMs: { target: '< 3000', met: speed.firstRankingMs < 3000 },
      afterStarMs: { target: '< 300', met: speed.afterStarMaxMs < 300 },
      afterReadMs: { target: '< 300', met: speed.afterReadMaxMs < 300 },
      relatedMs: { target: '< 100', met: speed.relatedP95Ms < 100 }
    }
  }
}

// `npx tsx bench/recommend.ts [--papers N] [--seeds N] [--no-quality]`: this bench alone.
if (process.argv[1]?.endsWith('recommend.ts')) {
  const option = (name: string, fallback: number): number => {
    const at = process.argv.indexOf(name)
    return at === -1 ? fallback : Number(process.argv[at + 1])
  }
  const papers = option('--papers', 100_000)
  const seeds = option('--seeds', 4)
  void benchRecommend({ papers, seeds, quality: !process.argv.includes('--no-quality') }).then((report) =>
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  )
}
