// Titles and author names as Markdown digests write them around links, emphasis and numbering.
import { inlineText, linksOf } from './inline'

/** A heading or cell as a title: numbering, badges and [PDF]/[Code] links dropped. */
export function titleFrom(text: string): string {
  const title = inlineText(text, true).replace(/^\d{1,4}[.)]\s+/, '')
  // The end-anchored pattern is tried at every position, so it runs only when the title ends in
  // one of the characters it removes.
  const last = title.trimEnd().at(-1)
  const trimmedEnd =
    last !== undefined && TRAILING_SEPARATORS.has(last)
      ? title.replace(/(\s*[|,;·•\-–—]\s*|\s*\[\s*\]\s*|\s*\(\s*\)\s*)+$/, '')
      : title
  return trimmedEnd.replace(/^[|,;·•\-–—\s]+/, '').trim()
}

const TRAILING_SEPARATORS = new Set('|,;·•-–—])')

/** `[Title](url) - A. Author, B. Author` / `**Title** ...` -> the title and what follows it. */
export function listTitle(content: string): { text: string; rest: string } {
  const leading = /^(\*\*|__)?\[/.test(content) ? linksOf(content)[0] : undefined
  if (leading && leading.start <= 2) {
    let end = leading.end
    if (content.slice(end, end + 2) === '**' || content.slice(end, end + 2) === '__') end += 2
    return { text: titleFrom(leading.text), rest: content.slice(end) }
  }
  const bold = /^(\*\*|__)(.+?)\1/.exec(content.slice(0, 2000))
  if (bold) return { text: titleFrom(bold[2]!), rest: content.slice(bold[0].length) }
  const cut = content.search(/\s[-–—]\s|\[|\(http/)
  return cut > 0
    ? { text: titleFrom(content.slice(0, cut)), rest: content.slice(cut) }
    : { text: titleFrom(content), rest: '' }
}

/** Authors after a list title, only when the text reads like a list of names. */
export function namesIn(rest: string): string[] | null {
  let text = inlineText(rest, true).replace(/^[\s\-–—:,.]+/, '')
  text = text.replace(/^by\s+/i, '')
  const cut = text.search(/[([]|\s[-–—|]\s|\.\s|\d{4}/)
  if (cut >= 0) text = text.slice(0, cut)
  const names = splitAuthors(text)
  if (names.length === 0) return null
  const looksLikeName = (name: string): boolean =>
    name.length <= 50 && !/\d/.test(name) && name.split(/\s+/).length <= 6 && /^\p{Lu}/u.test(name)
  return names.every(looksLikeName) ? names : null
}

export function splitAuthors(text: string): string[] {
  return inlineText(text)
    .replace(/\bet\.?\s*al\.?/gi, '')
    .replace(/\([^()]{0,200}\)/g, '')
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((name) => name.replace(/[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, '').trim())
    .filter((name) => name !== '' && !/^(null|n\/a|-)$/i.test(name))
}
