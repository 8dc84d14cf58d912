// The search commands: `search`, `save-search`, `saved-searches`, `delete-search` and
// `list --search NAME`. Each returns its JSON value (an array for lists) and its text.
import type { PaperFilter, SavedSearch, SearchHit, SearchPage, SearchSort } from '../../shared/model'
import { correctionNotice, describeQuery, parseQuery } from '../../shared/query'
import type { Library } from '../library/contract'
import { parseCount, stringFlag, UsageError, type ParsedArgs } from './args'
import type { CommandOutput } from './commands'
import { formatPaperList, highlight, plainSnippet } from './format'

const PAGE = 500
const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'date', 'title', 'position']

function sortOf(args: ParsedArgs, fallback: SearchSort): SearchSort {
  const sort = stringFlag(args, 'sort') ?? fallback
  if (!SEARCH_SORTS.includes(sort as SearchSort)) {
    throw new UsageError(`--sort takes ${SEARCH_SORTS.join(', ')}, not "${sort}"`, args.command)
  }
  return sort as SearchSort
}

/** "1,234 matches", "10,000+ matches". */
export function matchCount(total: number, lowerBound: boolean, noun = 'match'): string {
  const plural = noun === 'match' ? 'matches' : `${noun}s`
  return `${total.toLocaleString('en-US')}${lowerBound ? '+' : ''} ${total === 1 && !lowerBound ? noun : plural}`
}

/** Reads pages until `limit` hits or the end. */
function collect(
  library: Library,
  query: string,
  filter: PaperFilter,
  sort: SearchSort,
  offset: number,
  limit: number
) {
  const items: SearchHit[] = []
  let first: SearchPage | null = null
  for (;;) {
    const want = Math.min(PAGE, limit - items.length)
    const page = library.search({ query, filter, sort, offset: offset + items.length, limit: want })
    first ??= page
    items.push(...page.items)
    if (page.items.length < want || items.length >= limit) break
  }
  return { items, first: first! }
}

function formatHits(hits: readonly SearchHit[], page: SearchPage, offset: number): string {
  if (hits.length === 0) return 'No matches.'
  const idWidth = Math.max(...hits.map((hit) => String(hit.id).length))
  const lines: string[] = []
  for (const hit of hits) {
    const marks = `${hit.read ? ' ' : '●'}${hit.starred ? '★' : ' '}${hit.note ? '✎' : ' '}`
    lines.push(`${String(hit.id).padStart(idWidth)} ${marks} ${hit.title}`)
    const snippet = highlight(hit.snippetParts)
    if (snippet) lines.push(`${' '.repeat(idWidth + 5)}${snippet}`)
  }
  const all = matchCount(page.total, page.totalIsLowerBound)
  const shown = hits.length === page.total && offset === 0 ? all : `${offset + 1}-${offset + hits.length} of ${all}`
  lines.push('', shown)
  return lines.join('\n')
}

export function searchCommand(args: ParsedArgs, library: Library): CommandOutput {
  const query = args.positionals.join(' ').trim()
  if (query === '') throw new UsageError('search needs a QUERY', 'search')
  const limitFlag = stringFlag(args, 'limit')
  const limit = limitFlag === undefined ? 20 : parseCount(limitFlag, 'limit')
  const offsetFlag = stringFlag(args, 'offset')
  const offset = offsetFlag === undefined ? 0 : parseCount(offsetFlag, 'offset', 0)
  const { items, first } = collect(library, query, { kind: 'all' }, sortOf(args, 'relevance'), offset, limit)
  const notice = correctionNotice(first.corrections)
  const understood = describeQuery(parseQuery(query)).join(' · ')
  const text = [understood === '' ? null : `Searching ${understood}`, notice, formatHits(items, first, offset)]
  return {
    json: items.map((hit) => ({ ...hit, snippet: plainSnippet(hit.snippetParts) })),
    text: text.filter((line) => line !== null).join('\n'),
    page: { total: first.total, offset, totalIsLowerBound: first.totalIsLowerBound },
    // In JSON mode stdout holds only the papers; the notice goes to stderr.
    errors: (args.json || args.flags.get('json-page') === true) && notice !== null ? [notice] : []
  }
}

function formatSaved(searches: readonly SavedSearch[]): string {
  if (searches.length === 0) return 'No saved searches. Save one with: dogear save-search NAME QUERY'
  const width = Math.max(...searches.map((s) => s.name.length))
  const lines = searches.map(
    (s) => `${s.name.padEnd(width)}  ${`${s.unread}${s.unreadIsLowerBound ? '+' : ''}`.padStart(6)} unread  ${s.query}`
  )
  return lines.join('\n')
}

export function saveSearchCommand(args: ParsedArgs, library: Library): CommandOutput {
  const [name, ...words] = args.positionals
  const saved = library.saveSearch(name!, words.join(' '))
  const understood = describeQuery(parseQuery(saved.query)).join(' · ')
  return {
    json: saved,
    text: `Saved "${saved.name}": ${understood} (${saved.unread}${saved.unreadIsLowerBound ? '+' : ''} unread).`
  }
}

export function savedSearchesCommand(library: Library): CommandOutput {
  const searches = library.savedSearches()
  return { json: searches, text: formatSaved(searches) }
}

export function deleteSearchCommand(args: ParsedArgs, library: Library): CommandOutput {
  const saved = library.savedSearchNamed(args.positionals[0]!)
  library.deleteSearch(saved.id)
  return { json: { deleted: saved.name }, text: `Deleted the saved search "${saved.name}".` }
}

/** `list --search NAME`: what a saved search holds, with the list's filter, sort and paging options. */
export function listSavedSearchCommand(args: ParsedArgs, library: Library, filter: PaperFilter): CommandOutput {
  const saved = library.savedSearchNamed(stringFlag(args, 'search')!)
  const limitFlag = stringFlag(args, 'limit')
  const limit = limitFlag === undefined ? Infinity : parseCount(limitFlag, 'limit')
  const offsetFlag = stringFlag(args, 'offset')
  const offset = offsetFlag === undefined ? 0 : parseCount(offsetFlag, 'offset', 0)
  const { items, first } = collect(library, saved.query, filter, sortOf(args, 'position'), offset, limit)
  const text = formatPaperList(items, first.total, offset)
  const capped = first.totalIsLowerBound ? `\n(more than ${first.total.toLocaleString('en-US')} papers match)` : ''
  return {
    json: items,
    text: text + capped,
    page: { total: first.total, offset, totalIsLowerBound: first.totalIsLowerBound }
  }
}
