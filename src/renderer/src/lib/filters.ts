import type { PaperFilter } from '../../../shared/model'

export function sameFilter(a: PaperFilter, b: PaperFilter): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'digest' && b.kind === 'digest') return a.digestId === b.digestId
  return true
}

export const FIXED_SOURCES: { filter: PaperFilter; label: string }[] = [
  { filter: { kind: 'all' }, label: 'All papers' },
  { filter: { kind: 'unread' }, label: 'Unread' },
  { filter: { kind: 'starred' }, label: 'Starred' },
  { filter: { kind: 'hasCode' }, label: 'Has code' }
]

/** "Marie Curie, Pierre Curie et al." */
export function firstAuthors(authors: readonly string[], shown = 2): string {
  if (authors.length === 0) return ''
  const head = authors.slice(0, shown).join(', ')
  return authors.length > shown ? `${head} et al.` : head
}
