import type { PaperFilter } from '../../../shared/filters'

export { FIXED_SOURCES, sameFilter } from '../../../shared/filters'

/** The list of a saved search's papers. */
export function savedSearchFilter(id: number): PaperFilter {
  return { kind: 'savedSearch', savedSearchId: id }
}

/** "Marie Curie, Pierre Curie et al." */
export function firstAuthors(authors: readonly string[], shown = 2): string {
  if (authors.length === 0) return ''
  const head = authors.slice(0, shown).join(', ')
  return authors.length > shown ? `${head} et al.` : head
}
