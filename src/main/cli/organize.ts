// Commands that organize the library: tags, deleting to the trash, restoring and emptying it.
import type { Library } from '../library/contract'
import { parseId, stringFlag, booleanFlag, UsageError, type ParsedArgs } from './args'
import { CommandError, type CommandOutput } from './commands'
import { formatTags, formatTrash } from './organize-format'

function paperIds(texts: readonly string[]): number[] {
  return [...new Set(texts.map((text) => parseId(text)))]
}

function ids(list: readonly number[]): string {
  return list.length === 1 ? `paper ${list[0]}` : `papers ${list.join(', ')}`
}

function requireLive(library: Library, list: readonly number[]): void {
  const missing = list.filter((id) => library.getPaper(id) === null)
  if (missing.length > 0)
    throw new CommandError('NOT_FOUND', `no paper with id ${missing.join(', ')}; nothing was changed`)
}

export function tagCommand(args: ParsedArgs, library: Library): CommandOutput {
  const [name, ...rest] = args.positionals
  const list = paperIds(rest)
  if (list.length === 0)
    throw new UsageError(`${args.command} needs a tag NAME and at least one paper ID`, args.command)
  requireLive(library, list)
  const untag = args.command === 'untag'
  const change = untag ? library.untagPapers(name!, list) : library.tagPapers(name!, list)
  const unchanged = list.filter((id) => !change.changed.includes(id))
  const parts: string[] = []
  if (change.changed.length > 0) {
    parts.push(`${untag ? 'Removed' : 'Tagged'} ${ids(change.changed)} ${untag ? 'from' : 'with'} "${change.tag}"`)
  }
  if (unchanged.length > 0) parts.push(`${ids(unchanged)} ${untag ? 'did not have' : 'already had'} it`)
  return { json: { tag: change.tag, changed: change.changed, unchanged }, text: `${parts.join('; ')}.` }
}

export function tagsCommand(args: ParsedArgs, library: Library): CommandOutput {
  const [action, ...names] = args.positionals
  if (action === undefined) {
    const tags = library.tags()
    return { json: tags, text: formatTags(tags) }
  }
  if (action === 'rename' && names.length === 2) {
    const result = library.renameTag(names[0]!, names[1]!)
    const text = result.merged
      ? `Merged "${names[0]}" into "${result.tag}": ${result.papers} paper(s) carry it.`
      : `Renamed "${names[0]}" to "${result.tag}".`
    return { json: result, text }
  }
  if (action === 'delete' && names.length === 1) {
    const result = library.deleteTag(names[0]!)
    return { json: result, text: `Deleted the tag "${result.tag}" from ${result.papers.length} paper(s).` }
  }
  throw new UsageError('tags takes nothing, "rename OLD NEW" or "delete NAME"', 'tags')
}

export function deleteCommand(args: ParsedArgs, library: Library): CommandOutput {
  const digest = stringFlag(args, 'digest')
  if (digest !== undefined) {
    if (args.positionals.length > 0) throw new UsageError('delete takes paper IDs or --digest ID, not both', 'delete')
    const result = library.deleteDigest(parseId(digest, 'digest id'))
    const text =
      `Deleted digest ${result.digestId}: ${result.trashed.length} paper(s) only it listed went to the trash; ` +
      `${result.kept} listed by other digests stayed.`
    return { json: result, text }
  }
  const list = paperIds(args.positionals)
  if (list.length === 0) throw new UsageError('delete needs paper IDs or --digest ID', 'delete')
  requireLive(library, list)
  const { changed } = library.trashPapers(list)
  return {
    json: { trashed: changed },
    text: `Moved ${ids(changed)} to the trash (restore with: dogear trash --restore ID).`
  }
}

export function trashCommand(args: ParsedArgs, library: Library): CommandOutput {
  const chosen = ['restore', 'restore-digest', 'empty'].filter((flag) => args.flags.has(flag))
  if (chosen.length > 1) throw new UsageError(`choose one of ${chosen.map((c) => `--${c}`).join(' and ')}`, 'trash')
  if (booleanFlag(args, 'empty')) {
    const result = library.emptyTrash()
    return {
      json: result,
      text: `Emptied the trash: ${result.papers} paper(s) and ${result.digests} digest(s) removed for good.`
    }
  }
  if (booleanFlag(args, 'restore')) {
    const list = paperIds(args.positionals)
    if (list.length === 0) throw new UsageError('trash --restore needs paper IDs', 'trash')
    const result = library.restorePapers(list)
    const moved = result.papers.filter((p) => p.from !== p.to).map((p) => `${p.from} is now ${p.to}`)
    return {
      json: result,
      text: `Restored ${ids(result.papers.map((p) => p.from))}.${moved.length ? ` (${moved.join(', ')})` : ''}`
    }
  }
  const digest = stringFlag(args, 'restore-digest')
  if (digest !== undefined) {
    const result = library.restoreDigest(parseId(digest, 'trashed digest id'))
    return { json: result, text: `Restored digest ${result.digests[0]} with ${result.papers.length} paper(s).` }
  }
  if (args.positionals.length > 0) throw new UsageError('trash takes paper IDs only with --restore', 'trash')
  const trash = library.trash()
  return { json: trash, text: formatTrash(trash) }
}
