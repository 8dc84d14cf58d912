// Search terms found again in the reader's text, as parts (never markup).
import type { SnippetPart } from '../../../shared/model'

/** The words of a search box's text worth highlighting: no operators, no one-letter words. */
export function searchTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .toLowerCase()
        .replace(/["()*:^]/g, ' ')
        .split(/\s+/)
        .filter((word) => word.length > 1 && !['and', 'or', 'not', 'near'].includes(word))
    )
  ]
}

/** Splits text so every occurrence of a term (case-insensitive, word start) is a match part. */
export function highlightTerms(text: string, terms: readonly string[]): SnippetPart[] {
  if (terms.length === 0 || !text) return [{ text, match: false }]
  const escaped = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})`, 'giu')
  const parts: SnippetPart[] = []
  let at = 0
  for (const found of text.matchAll(pattern)) {
    const start = found.index ?? 0
    if (start > at) parts.push({ text: text.slice(at, start), match: false })
    parts.push({ text: found[0], match: true })
    at = start + found[0].length
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false })
  return parts
}

/** About 230 words a minute for careful reading of an abstract; at least one minute. */
export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length
  return Math.max(1, Math.round(words / 230))
}
