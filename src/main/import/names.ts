// Author names as digests write them: lists to split, "Last, First" to turn around.
import { collapseWhitespace } from './normalize'

/** "Lovelace, Ada" -> "Ada Lovelace"; "Tanaka, Yuki, Jr." -> "Yuki Tanaka Jr."; others as they are. */
export function flipName(name: string): string {
  const parts = name.split(',').map((part) => part.trim())
  const ordered =
    parts.length === 2 ? [parts[1], parts[0]] : parts.length >= 3 ? [parts[1], parts[0], ...parts.slice(2)] : parts
  return collapseWhitespace(ordered.filter((part) => part).join(' '))
}

const ET_AL = /^(?:et\.?\s*al\.?|others)$/i

/**
 * Splits "A, B and C" / "A; B; C" / "A & B" into names. A single "Last, First" (two parts,
 * each one word) stays one name: splitting it would invent two people.
 */
export function splitAuthorList(text: string, options: { keepInvertedName?: boolean } = {}): string[] {
  const collapsed = collapseWhitespace(text)
  if (!collapsed) return []
  const separator = collapsed.includes(';') ? /\s*;\s*/ : /\s*,\s*/
  const parts = collapsed.split(separator)
  if (options.keepInvertedName && parts.length === 2 && parts.every((part) => /^[^\s,;]+$/.test(part))) {
    return [collapsed]
  }
  return parts
    .flatMap((part) => part.split(/\s+(?:and|&)\s+/i))
    .map((part) => part.replace(/^(?:and|&)\s+/i, '').trim())
    .filter((part) => part.length > 0 && !ET_AL.test(part))
}

/** Names as given, each on one line, the empty ones dropped. */
export function cleanNames(names: Iterable<string | null | undefined>): string[] {
  const kept: string[] = []
  for (const name of names) {
    const collapsed = name ? collapseWhitespace(name) : ''
    if (collapsed) kept.push(collapsed)
  }
  return kept
}
