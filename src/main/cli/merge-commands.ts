// `dogear split ID [--digest D]`: a paper two digests' entries were wrongly joined into becomes
// two papers again; `show` lists what a paper was merged from.
import type { Library } from '../library/contract'
import type { PaperMerge } from '../library/merges'
import { parseId, stringFlag, type ParsedArgs } from './args'
import type { CommandOutput } from './commands'

export function splitCommand(args: ParsedArgs, library: Library): CommandOutput {
  const id = parseId(args.positionals[0]!)
  const digestFlag = stringFlag(args, 'digest')
  const outcome = library.merges.split(id, digestFlag === undefined ? undefined : parseId(digestFlag))
  const paper = library.getPaper(outcome.paperId)
  const split = library.getPaper(outcome.newPaperId)
  return {
    json: outcome,
    text: [
      `Split #${outcome.newPaperId} ${split?.title ?? ''} (from digest #${outcome.digestId}) off #${id} ${paper?.title ?? ''}.`,
      'Stars, reads, notes and tags stay with the first paper.'
    ].join('\n')
  }
}

/** The lines `show` adds for the digests' entries a paper was joined with, and how to undo one. */
export function mergeLines(merges: readonly PaperMerge[]): string[] {
  if (merges.length === 0) return []
  return [
    ...merges.map(
      (m, i) =>
        `${i === 0 ? 'Merged:  ' : '         '} #${m.digestId} ${m.digestTitle} (by ${m.matchedBy}, as '${m.title}')`
    ),
    `          a wrong one: dogear split ${merges[0]!.paperId} --digest ${merges[merges.length - 1]!.digestId}`
  ]
}
