// What each command does with the library. Every command returns its JSON value and its
// human text; run.ts decides which one to print.
import type { ImportFileReport, ListQuery, Paper, PaperFilter, PaperPage, PaperSort } from '../../shared/model'
import type { Library } from '../library/contract'
import { isIsoDate } from '../import/dates'
import { findParser, describeFormats } from '../import/formats'
import { importFile, listFormats } from '../ingest/pipeline'
import { importOptionsFor } from '../ingest/import-source'
import { backupCommand } from './backup-commands'
import type { FormatName } from '../import/types'
import { syncCommand } from './sync-command'
import { exportCommand } from './export-command'
import { booleanFlag, parseCount, parseId, stringFlag, UsageError, type ParsedArgs } from './args'
import {
  deleteSearchCommand,
  listSavedSearchCommand,
  saveSearchCommand,
  savedSearchesCommand,
  searchCommand
} from './search-commands'
import { formatDigests, formatFormats, formatImportReport, formatPaper, formatPaperList, formatStats } from './format'
import { deleteCommand, tagCommand, tagsCommand, trashCommand } from './organize'
import { recommendCommand, relatedCommand, versionLines } from './discover-commands'
import { mergeLines, splitCommand } from './merge-commands'
import { isRecommenderQuery, recommendedPage } from '../discover/lists'
import { createDiscoverEngine } from '../discover/engine'

export interface CommandOutput {
  json: unknown
  text: string
  /** Lines for stderr (failed files of an import), printed in both modes. */
  errors?: string[]
  /** For listings: where the items sit in the whole, printed by --json-page as {items, total, offset}. */
  page?: { total: number; offset: number; totalIsLowerBound?: boolean }
  exitCode?: number
}

/** A command that ran into a fact (unknown id...): exit code 1. */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'CommandError'
  }
}

export interface CommandContext {
  library: Library
  readStdin(): Promise<string>
  /** Writes a piece of stdout as it is (no newline added): an export streams through it. */
  writeOut?(chunk: string): void
}

/** The library's page size limit; longer lists are read page by page. */
const PAGE = 500

export async function runCommand(args: ParsedArgs, context: CommandContext): Promise<CommandOutput> {
  const { library } = context
  switch (args.command) {
    case 'import':
      return importCommand(args, library)
    case 'list':
      return listCommand(args, library)
    case 'show':
      return showCommand(args, library)
    case 'search':
      return searchCommand(args, library)
    case 'save-search':
      return saveSearchCommand(args, library)
    case 'saved-searches':
      return savedSearchesCommand(library)
    case 'delete-search':
      return deleteSearchCommand(args, library)
    case 'read':
    case 'unread':
    case 'star':
    case 'unstar':
      return stateCommand(args, library)
    case 'note':
      return noteCommand(args, context)
    case 'digests': {
      const digests = library.listDigests()
      return { json: digests, text: formatDigests(digests) }
    }
    case 'stats': {
      const days = stringFlag(args, 'days')
      const stats = library.stats(days === undefined ? {} : { days: parseCount(days, 'days') })
      return { json: stats, text: formatStats(stats) }
    }
    case 'sync':
      return syncCommand(args, library)
    case 'export':
      return exportCommand(args, library, context.writeOut)
    case 'backup':
      return backupCommand(args, library)
    case 'tag':
    case 'untag':
      return tagCommand(args, library)
    case 'tags':
      return tagsCommand(args, library)
    case 'delete':
      return deleteCommand(args, library)
    case 'trash':
      return trashCommand(args, library)
    case 'recommend':
      return recommendCommand(args, library)
    case 'related':
      return relatedCommand(args, library)
    case 'split':
      return splitCommand(args, library)
    default:
      throw new UsageError(`unknown command "${args.command}"`)
  }
}

/** Commands that need no library. */
export function runStandaloneCommand(args: ParsedArgs): CommandOutput | null {
  if (args.command !== 'formats') return null
  const formats = listFormats()
  return { json: formats, text: formatFormats(formats) }
}

function importCommand(args: ParsedArgs, library: Library): CommandOutput {
  const format = stringFlag(args, 'format')
  if (format !== undefined && !findParser(format)) {
    throw new UsageError(`unknown format "${format}". Dogear reads: ${describeFormats()}`, 'import')
  }
  const date = stringFlag(args, 'date')
  if (date !== undefined && !isIsoDate(date)) {
    throw new UsageError(`--date needs a calendar date written YYYY-MM-DD, not "${date}"`, 'import')
  }
  const options = importOptionsFor(library, {
    format: format as FormatName | undefined,
    date: date ?? null,
    ...(booleanFlag(args, 'groups-as-tags') ? { groupsAsTags: true } : {})
  })
  const reports: ImportFileReport[] = args.positionals.map((file) =>
    importFile(library, file, { ...options, indexLater: true })
  )
  // Before the command ends: the search index of the large files' papers, the index merging a
  // large import paused and the new papers' words (see finishImports).
  library.finishImports()
  const text: string[] = []
  const errors: string[] = []
  for (const report of reports) {
    if (report.ok) text.push(formatImportReport(report))
    else errors.push(report.error.message)
  }
  const failed = reports.filter((r) => !r.ok).length
  if (failed > 0 && reports.length > 1) {
    text.push(`${reports.length - failed} of ${reports.length} files imported; ${failed} failed.`)
  }
  return { json: reports, text: text.join('\n'), errors, exitCode: failed > 0 ? 1 : 0 }
}

function listFilter(args: ParsedArgs, library: Library): PaperFilter {
  const chosen = ['unread', 'starred', 'has-code', 'digest', 'revised', 'tag'].filter((name) => args.flags.has(name))
  if (chosen.length > 1)
    throw new UsageError(`choose one filter, not ${chosen.map((c) => `--${c}`).join(' and ')}`, 'list')
  if (booleanFlag(args, 'unread')) return { kind: 'unread' }
  if (booleanFlag(args, 'starred')) return { kind: 'starred' }
  if (booleanFlag(args, 'has-code')) return { kind: 'hasCode' }
  const tag = stringFlag(args, 'tag')
  if (tag !== undefined) {
    const found = library.tags().find((t) => t.name.toLowerCase() === tag.trim().toLowerCase())
    if (!found) throw new CommandError('NOT_FOUND', `no tag named "${tag}" (see: dogear tags)`)
    return { kind: 'tag', tagId: found.id }
  }
  if (booleanFlag(args, 'revised')) return { kind: 'revised' }
  const digest = stringFlag(args, 'digest')
  if (digest === undefined) return { kind: 'all' }
  const digestId = parseId(digest, 'digest id')
  if (!library.listDigests().some((d) => d.id === digestId))
    throw new CommandError('NOT_FOUND', `no digest with id ${digestId}`)
  return { kind: 'digest', digestId }
}

async function listCommand(args: ParsedArgs, library: Library): Promise<CommandOutput> {
  const filter = listFilter(args, library)
  if (stringFlag(args, 'search') !== undefined) return listSavedSearchCommand(args, library, filter)
  const sortFlag = stringFlag(args, 'sort') ?? 'position'
  if (!['position', 'date', 'title', 'seen', 'recommended'].includes(sortFlag)) {
    throw new UsageError(`--sort takes position, date, title, seen or recommended, not "${sortFlag}"`, 'list')
  }
  const sort = sortFlag as PaperSort
  const limitFlag = stringFlag(args, 'limit')
  const limit = limitFlag === undefined ? Infinity : parseCount(limitFlag, 'limit')
  const offsetFlag = stringFlag(args, 'offset')
  const offset = offsetFlag === undefined ? 0 : parseCount(offsetFlag, 'offset', 0)
  const items: Paper[] = []
  let total: number
  const engine = isRecommenderQuery({ filter, sort }) ? createDiscoverEngine(library.discover) : null
  // The first page skips `offset` rows; each later one seeks from the cursor of the last.
  let after: string | null = null
  for (;;) {
    const want = Math.min(PAGE, limit - items.length)
    const position = offset + items.length
    const query: ListQuery = { filter, sort, offset: position, limit: want, ...(after ? { after } : {}) }
    const page: PaperPage = engine ? await recommendedPage(library, engine, query) : library.listPapers(query)
    after = page.next
    total = page.total
    items.push(...page.items)
    if (page.items.length < want || items.length >= limit || offset + items.length >= total || (!after && !engine))
      break
  }
  return { json: items, text: formatPaperList(items, total, offset), page: { total, offset } }
}

function requirePaper(library: Library, id: number): NonNullable<ReturnType<Library['getPaper']>> {
  const paper = library.getPaper(id)
  if (!paper) throw new CommandError('NOT_FOUND', `no paper with id ${id}`)
  return paper
}

function showCommand(args: ParsedArgs, library: Library): CommandOutput {
  const paper = requirePaper(library, parseId(args.positionals[0]!))
  const versions = [...versionLines(paper.versions, paper.revision), ...mergeLines(library.merges.of(paper.id))]
  const text = formatPaper(paper)
  if (versions.length === 0) return { json: paper, text }
  // The versions go after the identifiers block, before the abstract.
  const [head, ...rest] = text.split('\n\n')
  return { json: paper, text: [[head, ...versions].join('\n'), ...rest].join('\n\n') }
}

const STATE_VERBS = {
  read: { apply: (l: Library, ids: number[]) => l.markRead(ids, true), done: 'marked read', already: 'already read' },
  unread: {
    apply: (l: Library, ids: number[]) => l.markRead(ids, false),
    done: 'marked unread',
    already: 'already unread'
  },
  star: { apply: (l: Library, ids: number[]) => l.setStarred(ids, true), done: 'starred', already: 'already starred' },
  unstar: { apply: (l: Library, ids: number[]) => l.setStarred(ids, false), done: 'unstarred', already: 'not starred' }
} as const

function stateCommand(args: ParsedArgs, library: Library): CommandOutput {
  const verb = STATE_VERBS[args.command as keyof typeof STATE_VERBS]
  const ids = [...new Set(args.positionals.map((text) => parseId(text)))]
  const missing = ids.filter((id) => library.getPaper(id) === null)
  if (missing.length > 0) {
    throw new CommandError('NOT_FOUND', `no paper with id ${missing.join(', ')}; nothing was changed`)
  }
  const { changed } = verb.apply(library, ids)
  const unchanged = ids.filter((id) => !changed.includes(id))
  const parts: string[] = []
  if (changed.length > 0) parts.push(`${describeIds(changed)} ${verb.done}`)
  if (unchanged.length > 0)
    parts.push(`${describeIds(unchanged)} ${unchanged.length === 1 ? 'was' : 'were'} ${verb.already}`)
  return { json: { changed, unchanged }, text: parts.join('; ') + '.' }
}

function describeIds(ids: number[]): string {
  return ids.length === 1 ? `Paper ${ids[0]}` : `Papers ${ids.join(', ')}`
}

async function noteCommand(args: ParsedArgs, context: CommandContext): Promise<CommandOutput> {
  const id = parseId(args.positionals[0]!)
  requirePaper(context.library, id)
  const rest = args.positionals.slice(1)
  // A piped note ends with the newline `echo` added; it is not part of the note.
  const text = rest.length === 1 && rest[0] === '-' ? (await context.readStdin()).replace(/\s+$/, '') : rest.join(' ')
  context.library.saveNote(id, text)
  const note = context.library.getPaper(id)?.note ?? null
  return {
    json: { id, note },
    text: note === null ? `Removed the note of paper ${id}.` : `Saved the note of paper ${id}.`
  }
}
