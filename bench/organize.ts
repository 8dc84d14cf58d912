// Acting on many papers at once, as the action bar does after Ctrl/Cmd+A: one request to main
// (actOnPapers) that resolves the list itself, and the undo of each action. Every action is
// undone, so the library is left as it was found.
import { actOnPapers, targetIds } from '../src/main/bulk'
import type { BenchContext } from './registry'
import { progress, round, timeMs } from './measure'

export const BULK_PAPERS = 20_000

export async function benchOrganize(context: BenchContext): Promise<Record<string, unknown>> {
  progress('organize')
  const { library } = context
  const resolve = timeMs(() => targetIds(library, { filter: { kind: 'all' } }))
  const ids = resolve.value.slice(0, Math.min(BULK_PAPERS, resolve.value.length))
  const target = { ids }
  const read = timeMs(() => actOnPapers(library, target, { kind: 'read', value: true }))
  const unreadAgain = timeMs(() => actOnPapers(library, { ids: read.value.changed }, { kind: 'read', value: false }))
  const tag = timeMs(() => actOnPapers(library, target, { kind: 'tag', name: 'Bench bulk tag' }))
  const untag = timeMs(() => actOnPapers(library, target, { kind: 'untag', name: 'Bench bulk tag' }))
  const trash = timeMs(() => actOnPapers(library, target, { kind: 'trash' }))
  const restore = timeMs(() => library.restorePapers(trash.value.changed))
  return {
    papers: ids.length,
    resolveAllMs: round(resolve.ms),
    resolveAllPapers: resolve.value.length,
    markReadMs: round(read.ms),
    markUnreadMs: round(unreadAgain.ms),
    tagMs: round(tag.ms),
    untagMs: round(untag.ms),
    trashMs: round(trash.ms),
    restoreMs: round(restore.ms),
    includes:
      'actOnPapers on the first 20,000 papers (ids) in one transaction each: mark read (the unread ones change) and those back to unread, ' +
      'tag and untag, trash and restore (records with every dependent row); resolveAll is the whole library by its filter'
  }
}
