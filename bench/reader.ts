// What the reader's window asks of the library: opening, list pages at every depth, one
// paper, the digests with progress, marking read.
import type { Library } from '../src/main/library'
import type { PaperFilter, PaperSort } from '../src/shared/model'
import { progress, round, timeMs, timeSpread } from './measure'
import type { BenchContext } from './registry'
import { randomSource } from './synthetic'

/** The renderer's page size (src/renderer/src/lib/pageCache.ts). */
const PAGE = 100

function spread(times: readonly number[]) {
  return { ...timeSpread(times), samples: times.length }
}

/** What the app does at start: open (and migrate) the file, the first page, the sources with counts. */
export async function benchOpen(context: BenchContext): Promise<Record<string, unknown>> {
  const times: number[] = []
  for (let run = 0; run < 5; run++) {
    context.library.close()
    times.push(
      timeMs(() => {
        const library = context.reopen()
        library.getSettings()
        library.listPapers({ filter: { kind: 'all' }, limit: PAGE, abstracts: false })
        library.listDigests()
        library.stats()
      }).ms
    )
  }
  return {
    firstMs: round(times[0]!),
    ...spread(times),
    includes:
      'openLibrary (open the file, check its version), getSettings, the first list page of 100, digests() and ' +
      'stats() (the sources pane and its counts); the file is in the OS cache (not a cold disk)'
  }
}

function filtersOf(library: Library): PaperFilter[] {
  const digests = library.listDigests()
  const big = digests.reduce((a, b) => (b.total > a.total ? b : a), digests[0]!)
  return [
    { kind: 'all' },
    { kind: 'unread' },
    { kind: 'starred' },
    { kind: 'hasCode' },
    { kind: 'digest', digestId: big.id },
    { kind: 'digest', digestId: digests[0]!.id }
  ]
}

/**
 * Every sort and filter: the first page, then a jump (by offset) to 25%, 50%, 90% and the last
 * page of the list, each followed by 5 pages scrolled by cursor, as the virtual list asks.
 */
export async function benchList(context: BenchContext): Promise<Record<string, unknown>> {
  const { library } = context
  const pages: number[] = []
  const jumps: number[] = []
  const worst: { what: string; ms: number }[] = []
  for (const filter of filtersOf(library)) {
    for (const sort of ['position', 'date', 'title'] as PaperSort[]) {
      const first = timeMs(() => library.listPapers({ filter, sort, limit: PAGE, abstracts: false }))
      pages.push(first.ms)
      const total = first.value.total
      for (const share of [0, 0.25, 0.5, 0.9, 1]) {
        const offset = Math.max(0, Math.min(total - PAGE, Math.floor(total * share)))
        const jump = timeMs(() => library.listPapers({ filter, sort, offset, limit: PAGE, abstracts: false }))
        if (share > 0) jumps.push(jump.ms)
        let after = jump.value.next
        for (let step = 1; step <= 5 && after !== null; step++) {
          const cursor = after
          const page = timeMs(() =>
            library.listPapers({
              filter,
              sort,
              after: cursor,
              offset: offset + step * PAGE,
              limit: PAGE,
              abstracts: false
            })
          )
          pages.push(page.ms)
          worst.push({
            what: `${JSON.stringify(filter)} ${sort} after row ${offset + step * PAGE}`,
            ms: round(page.ms)
          })
          after = page.value.next
        }
      }
    }
  }
  worst.sort((a, b) => b.ms - a.ms)
  return {
    ...spread(pages),
    jump: {
      ...spread(jumps),
      includes: 'listPapers by offset to 25%, 50%, 90% and the end of the list (a drag of the scroll bar)'
    },
    slowest: worst.slice(0, 3),
    includes:
      "listPapers of 100 rows with its total, without abstracts as the app's list asks: the first page and " +
      'pages by cursor at every depth, over sorts ' +
      '(position, date, title) and filters (all, unread, starred, has code, the largest and the oldest digest)'
  }
}

export async function benchPaper(context: BenchContext): Promise<Record<string, unknown>> {
  const random = randomSource(5)
  const times = Array.from(
    { length: 300 },
    () => timeMs(() => context.library.getPaper(1 + Math.floor(random() * context.papers))).ms
  )
  return { ...spread(times), includes: 'getPaper(id) of a random paper: digests, links, note, state' }
}

export async function benchDigests(context: BenchContext): Promise<Record<string, unknown>> {
  const times = Array.from({ length: 20 }, () => timeMs(() => context.library.listDigests()).ms)
  return {
    ...spread(times),
    digests: context.library.listDigests().length,
    includes: 'digests(): every digest with read / total (the sources pane)'
  }
}

/** 50 papers marked read and back, 20 times: what "m" and undo cost. */
export async function benchMarkRead(context: BenchContext): Promise<Record<string, unknown>> {
  progress('markRead')
  const random = randomSource(9)
  const times: number[] = []
  for (let run = 0; run < 20; run++) {
    const ids = Array.from({ length: 50 }, () => 1 + Math.floor(random() * context.papers))
    times.push(timeMs(() => context.library.markRead(ids, true)).ms)
    context.library.markRead(ids, false)
  }
  return { ...spread(times), includes: 'markRead(50 random ids, true): one transaction, events, digest counters' }
}
