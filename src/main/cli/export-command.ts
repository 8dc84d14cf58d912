// `dogear export`: which papers (ids, --starred, --unread, --tag, --digest, --search), which
// format (--format, else the --out file's name), where (stdout, --out FILE, --out FOLDER
// --per-paper). Read-only: the library is opened without creating one.
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_INFO,
  exportFormatOfFileName,
  isExportFormat,
  type ExportFormat,
  type ExportSelection
} from '../../shared/export'
import type { PaperFilter } from '../../shared/model'
import { exportToFile, exportToFolder, exportToStream, ExportError, type ExportOutcome } from '../export/output'
import type { ExportMeta } from '../export/types'
import type { Library } from '../library/contract'
import { booleanFlag, parseId, stringFlag, UsageError, type ParsedArgs } from './args'
import { CommandError, type CommandOutput } from './commands'

interface Chosen {
  selection: ExportSelection
  /** "Starred papers tagged ML": the heading of a Markdown export, the title of a JSON one. */
  title: string
}

export function exportCommand(args: ParsedArgs, library: Library, writeOut?: (chunk: string) => void): CommandOutput {
  const out = stringFlag(args, 'out')
  const perPaper = booleanFlag(args, 'per-paper')
  const format = formatOf(args, out, perPaper)
  const chosen = chooseSelection(args, library)
  const meta: ExportMeta = { exportedAt: new Date().toISOString(), title: chosen.title }
  if (format === 'json') meta.extra = { digests: library.listDigests(), savedSearches: library.savedSearches() }
  const job = { format, selection: chosen.selection, meta }
  let outcome: ExportOutcome
  try {
    if (perPaper) outcome = exportToFolder(library, job, out!)
    else if (out !== undefined) outcome = exportToFile(library, job, out)
    else if (args.json) throw new UsageError('with --json, give --out FILE: stdout carries the JSON answer', 'export')
    else return streamed(library, job, writeOut)
  } catch (error) {
    if (error instanceof ExportError) throw new CommandError(error.code, error.message)
    throw error
  }
  return { json: outcome, text: describeOutcome(outcome) }
}

/** To stdout: piece by piece where the caller can take pieces, else as one text. */
function streamed(
  library: Library,
  job: Parameters<typeof exportToStream>[1],
  writeOut: ((chunk: string) => void) | undefined
): CommandOutput {
  if (writeOut) {
    const outcome = exportToStream(library, job, writeOut)
    return { json: outcome, text: '' }
  }
  const parts: string[] = []
  const outcome = exportToStream(library, job, (chunk) => parts.push(chunk))
  return { json: outcome, text: parts.join('').replace(/\n$/, '') }
}

function formatOf(args: ParsedArgs, out: string | undefined, perPaper: boolean): ExportFormat {
  const given = stringFlag(args, 'format')
  if (given !== undefined && !isExportFormat(given)) {
    throw new UsageError(`--format takes ${EXPORT_FORMATS.join(', ')}, not "${given}"`, 'export')
  }
  if (perPaper) {
    if (out === undefined) throw new UsageError('--per-paper needs --out FOLDER', 'export')
    if (given !== undefined && given !== 'markdown') {
      throw new UsageError(`--per-paper writes Markdown files, not ${given}`, 'export')
    }
    return 'markdown'
  }
  if (given !== undefined) return given
  if (out === undefined) return 'json'
  const named = exportFormatOfFileName(out)
  if (named === null) {
    throw new UsageError(`name the format with --format: "${out}" does not end in a known extension`, 'export')
  }
  return named
}

function chooseSelection(args: ParsedArgs, library: Library): Chosen {
  const ids = args.positionals.map((text) => parseId(text))
  const filters = filtersOf(args, library)
  const search = stringFlag(args, 'search')
  if (ids.length > 0) {
    if (filters.length > 0 || search !== undefined) {
      throw new UsageError('give paper IDs or filters (--starred, --tag, --search...), not both', 'export')
    }
    const missing = ids.filter((id) => library.getPaper(id) === null)
    if (missing.length > 0) throw new CommandError('NOT_FOUND', `no paper with id ${missing.join(', ')}`)
    return { selection: { ids }, title: ids.length === 1 ? `Paper ${ids[0]}` : `${ids.length} papers` }
  }
  const query = search === undefined ? undefined : queryOf(search, library)
  const [first, ...also] = filters.map((entry) => entry.filter)
  const selection: ExportSelection = {
    filter: first ?? { kind: 'all' },
    ...(also.length > 0 ? { also } : {}),
    ...(query !== undefined ? { query } : {})
  }
  return { selection, title: titleOf(filters, search) }
}

/** A saved search's name stands for its query; any other text is a query itself. */
function queryOf(search: string, library: Library): string {
  const saved = library.savedSearches().find((entry) => entry.name.toLowerCase() === search.trim().toLowerCase())
  return saved?.query ?? search
}

function filtersOf(args: ParsedArgs, library: Library): { filter: PaperFilter; label: string }[] {
  const filters: { filter: PaperFilter; label: string }[] = []
  if (booleanFlag(args, 'starred')) filters.push({ filter: { kind: 'starred' }, label: 'starred' })
  if (booleanFlag(args, 'unread')) filters.push({ filter: { kind: 'unread' }, label: 'unread' })
  const tag = stringFlag(args, 'tag')
  if (tag !== undefined) {
    const found = library.tags().find((t) => t.name.toLowerCase() === tag.trim().toLowerCase())
    if (!found) throw new CommandError('NOT_FOUND', `no tag named "${tag}" (see: dogear tags)`)
    filters.push({ filter: { kind: 'tag', tagId: found.id }, label: `tagged ${found.name}` })
  }
  const digest = stringFlag(args, 'digest')
  if (digest !== undefined) {
    const digestId = parseId(digest, 'digest id')
    const found = library.listDigests().find((d) => d.id === digestId)
    if (!found) throw new CommandError('NOT_FOUND', `no digest with id ${digestId}`)
    filters.push({ filter: { kind: 'digest', digestId }, label: `from ${found.title}` })
  }
  return filters
}

function titleOf(filters: { label: string }[], search: string | undefined): string {
  const states = filters.filter((f) => f.label === 'starred' || f.label === 'unread').map((f) => f.label)
  const others = filters.filter((f) => f.label !== 'starred' && f.label !== 'unread').map((f) => f.label)
  const head = states.length > 0 ? `${capitalize(states.join(', '))} papers` : 'Papers'
  const parts = [head, ...others, ...(search !== undefined ? [`matching "${search}"`] : [])]
  return parts.length === 1 && states.length === 0 ? 'All papers' : parts.join(' ')
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function describeOutcome(outcome: ExportOutcome): string {
  const label = EXPORT_FORMAT_INFO[outcome.format].label
  const papers = `${outcome.papers} paper${outcome.papers === 1 ? '' : 's'}`
  if (!outcome.files) return `Exported ${papers} to ${outcome.path} (${label}).`
  const { written, kept } = outcome.files
  const keptText =
    kept > 0
      ? `; ${kept} already there ${kept === 1 ? 'was' : 'were'} left as ${kept === 1 ? 'it was' : 'they were'}`
      : ''
  return `Exported ${papers} to ${outcome.path}: wrote ${written} Markdown file${written === 1 ? '' : 's'}${keptText}.`
}
