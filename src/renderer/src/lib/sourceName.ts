import type { DigestProgress, PaperFilter, SavedSearch, TagCount } from '../../../shared/model'
import { FILTER_KINDS } from '../../../shared/filters'

/** What the list is called: "Unread", "Starred", the digest's title, the saved search's name or "Tag “to read”". */
export function sourceName(
  filter: PaperFilter,
  digests: readonly Pick<DigestProgress, 'id' | 'title'>[],
  savedSearches: readonly Pick<SavedSearch, 'id' | 'name'>[] = [],
  tags: readonly Pick<TagCount, 'id' | 'name'>[] = []
): string {
  if (filter.kind === 'digest') return digests.find((d) => d.id === filter.digestId)?.title ?? 'this digest'
  if (filter.kind === 'savedSearch')
    return savedSearches.find((s) => s.id === filter.savedSearchId)?.name ?? 'this saved search'
  if (filter.kind === 'tag') {
    const tag = tags.find((t) => t.id === filter.tagId)
    return tag ? `Tag “${tag.name}”` : 'this tag'
  }
  return FILTER_KINDS[filter.kind].label
}

/** "50,000": every count the reader sees has separators. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}

/** "unread, starred, has a note, has code": a paper's state as a screen reader hears it. */
export function paperState(paper: { read: boolean; starred: boolean; note: string | null; hasCode: boolean }): string {
  const parts = [paper.read ? 'read' : 'unread']
  if (paper.starred) parts.push('starred')
  if (paper.note) parts.push('has a note')
  if (paper.hasCode) parts.push('has code')
  return parts.join(', ')
}
