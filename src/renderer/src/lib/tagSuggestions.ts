// The tag picker's completion: tags in use whose name starts with (then contains) what is
// typed, case aside, without the tags the paper already has; the most used first on a tie.
import type { TagCount } from '../../../shared/model'

export const MAX_SUGGESTIONS = 8

export function tagSuggestions(typed: string, tags: readonly TagCount[], has: readonly string[] = []): TagCount[] {
  const key = typed.trim().toLowerCase()
  const owned = new Set(has.map((name) => name.toLowerCase()))
  const rank = (tag: TagCount): number => {
    const name = tag.name.toLowerCase()
    if (key === '') return 1
    if (name.startsWith(key)) return 0
    return name.includes(key) ? 1 : -1
  }
  return tags
    .filter((tag) => !owned.has(tag.name.toLowerCase()) && rank(tag) >= 0)
    .sort((a, b) => rank(a) - rank(b) || b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS)
}
