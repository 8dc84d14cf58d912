// Bulk actions: one request from the renderer names the papers (by id, or a whole list by its
// filter and search) and what to do; main resolves the list itself, so selecting all 20,000
// papers of a list never brings them to the renderer, and acts in one library call.
import type { ExportRequest } from '../shared/export'
import type { BulkAction, BulkOutcome, PaperTarget } from '../shared/model'
import type { Library } from './library/contract'

const SEARCH_PAGE = 500

/** Every paper a search finds in a list (search counts to 10,000 matches: see search.ts). */
function searchIds(library: Library, query: string, filter: Extract<PaperTarget, { filter: unknown }>['filter']) {
  const ids: number[] = []
  for (let offset = 0; ; offset += SEARCH_PAGE) {
    const page = library.search({ query, filter, offset, limit: SEARCH_PAGE })
    for (const hit of page.items) ids.push(hit.id)
    if (page.items.length < SEARCH_PAGE || ids.length >= page.total) return ids
  }
}

/** The papers a target names, without duplicates. */
export function targetIds(library: Library, target: PaperTarget): number[] {
  if ('ids' in target) return [...new Set(target.ids)]
  const query = target.query?.trim()
  const all = query ? searchIds(library, query, target.filter) : library.filterIds(target.filter)
  const except = new Set(target.except ?? [])
  return [...new Set(all.filter((id) => !except.has(id)))]
}

export function actOnPapers(library: Library, target: PaperTarget, action: BulkAction): BulkOutcome {
  const ids = targetIds(library, target)
  if (ids.length === 0) return { changed: [] }
  switch (action.kind) {
    case 'read':
      return library.markRead(ids, action.value)
    case 'star':
      return library.setStarred(ids, action.value)
    case 'tag':
      return library.tagPapers(action.name, ids)
    case 'untag':
      return library.untagPapers(action.name, ids)
    case 'trash':
      return library.trashPapers(ids)
  }
}

/** An export of a list with papers taken back out becomes an export of the ids that remain. */
export function exportWithoutExcept(library: Library, request: ExportRequest): ExportRequest {
  const { except, ...rest } = request
  if (!except?.length || !('filter' in rest)) return rest
  const ids = targetIds(library, { filter: rest.filter, ...(rest.query ? { query: rest.query } : {}), except })
  return { ...(rest.format ? { format: rest.format } : {}), ids }
}
