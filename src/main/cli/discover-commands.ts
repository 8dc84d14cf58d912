// `dogear recommend` and `dogear related ID`: the recommender from the command line, with the
// same engine the app uses (built in this process; no window to keep responsive here).
import type { Paper, PaperVersion, Revision } from '../../shared/model'
import type { Library } from '../library/contract'
import { createDiscoverEngine } from '../discover/engine'
import { recommendedPage, relatedPapers } from '../discover/lists'
import { parseCount, parseId, stringFlag, type ParsedArgs } from './args'
import { CommandError, type CommandOutput } from './commands'

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 500

function limitOf(args: ParsedArgs): number {
  const flag = stringFlag(args, 'limit')
  return flag === undefined ? DEFAULT_LIMIT : Math.min(parseCount(flag, 'limit'), MAX_LIMIT)
}

/** "like 'Title' · term, term" */
export function reasonLine(paper: Paper): string {
  const reason = paper.recommendation
  if (!reason) return ''
  const like = reason.like.map((l) => `'${l.title}'`).join(', ')
  return [like && `like ${like}`, reason.terms.join(', ')].filter(Boolean).join(' · ')
}

function idWidth(papers: readonly Paper[]): number {
  return Math.max(...papers.map((p) => String(p.id).length))
}

export async function recommendCommand(args: ParsedArgs, library: Library): Promise<CommandOutput> {
  const engine = createDiscoverEngine(library.discover)
  const page = await recommendedPage(library, engine, { filter: { kind: 'recommended' }, limit: limitOf(args) })
  if (page.notice) return { json: { papers: [], total: 0, notice: page.notice }, text: page.notice }
  const width = page.items.length > 0 ? idWidth(page.items) : 1
  const lines = page.items.flatMap((paper) => [
    `${String(paper.id).padStart(width)}  ${paper.title}`,
    `${' '.repeat(width)}  ${reasonLine(paper)}`
  ])
  const text =
    page.items.length === 0
      ? 'No unread papers to suggest.'
      : [...lines, '', `${page.items.length} of ${page.total} suggestions`].join('\n')
  return { json: { papers: page.items, total: page.total }, text }
}

export async function relatedCommand(args: ParsedArgs, library: Library): Promise<CommandOutput> {
  const id = parseId(args.positionals[0]!)
  const paper = library.getPaper(id)
  if (!paper) throw new CommandError('NOT_FOUND', `no paper with id ${id}`)
  const related = await relatedPapers(library, createDiscoverEngine(library.discover), id, limitOf(args))
  if (related.length === 0) return { json: related, text: `No papers close to #${id} ${paper.title}.` }
  const width = idWidth(related)
  const lines = related.map(
    (r) =>
      `${String(r.id).padStart(width)}  ${r.similarity.toFixed(2)}  ${r.read ? ' ' : '●'}${r.starred ? '★' : ' '} ${r.title}`
  )
  return { json: related, text: [`Closest to #${id} ${paper.title}:`, ...lines].join('\n') }
}

/** The lines `show` adds for a paper's arXiv versions. */
export function versionLines(
  versions: readonly PaperVersion[] | undefined,
  revision: Revision | null | undefined
): string[] {
  if (!versions || versions.length === 0) return []
  const lines = versions.map(
    (v, i) =>
      `${i === 0 ? 'Versions:' : '         '} v${v.version}  ${v.day}${v.digestId === null ? '' : `  first in #${v.digestId} ${v.digestTitle ?? ''}`.trimEnd()}`
  )
  if (revision) {
    lines.push(
      `         v${revision.latestVersion} · revised since you read ${revision.readVersion === null ? 'it' : `v${revision.readVersion}`}`
    )
  }
  return lines
}
