import type { PaperFilter } from '../../../shared/model'

/** A stable key for a filter plus search query: the paper list's cache is keyed by it. */
export function listKey(filter: PaperFilter, query: string): string {
  const base = filter.kind === 'digest' ? `digest:${filter.digestId}` : filter.kind
  return query.trim() ? `${base}?${query.trim()}` : base
}

export { FIXED_SOURCES, sameFilter } from '../../../shared/filters'

/** "Marie Curie, Pierre Curie et al." */
export function firstAuthors(authors: readonly string[], shown = 2): string {
  if (authors.length === 0) return ''
  const head = authors.slice(0, shown).join(', ')
  return authors.length > shown ? `${head} et al.` : head
}
