// Pure helpers every parser shares: links, identifiers and the title key used for dedupe.
import type { LinkKind } from '../../shared/model'
import type { ParsedLink } from './types'

const TRAILING_PUNCTUATION = /[.,;:!?'"*>]+$/
const CODE_HOSTS = new Set([
  'github.com',
  'www.github.com',
  'gitlab.com',
  'www.gitlab.com',
  'gitee.com',
  'www.gitee.com'
])

/**
 * Removes what a sentence added after a URL: `...Self-Lengthen.` -> `...Self-Lengthen`.
 * A closing bracket is kept only when the URL opened it, as in Wikipedia-style links.
 */
export function cleanUrl(raw: string): string {
  let url = raw.trim()
  for (;;) {
    const before = url
    url = url.replace(TRAILING_PUNCTUATION, '')
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
      ['{', '}']
    ] as const) {
      if (url.endsWith(close) && count(url, open) < count(url, close)) url = url.slice(0, -1)
    }
    if (url === before) return url
  }
}

function count(text: string, char: string): number {
  let n = 0
  for (const c of text) if (c === char) n++
  return n
}

// Linear: one character class run, no nested quantifiers.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`\u00a0]+/gi

/** Every http(s) URL in a text, cleaned and without repeats, in order of appearance. */
export function extractUrls(text: string): string[] {
  const seen = new Set<string>()
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = cleanUrl(match[0])
    if (url.length > 'https://'.length && isHttpUrl(url)) seen.add(url)
  }
  return [...seen]
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0
  } catch {
    return false
  }
}

export function linkKind(url: string): LinkKind {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'other'
  }
  const host = parsed.hostname.toLowerCase()
  const path = parsed.pathname.toLowerCase()
  if (CODE_HOSTS.has(host)) return 'code'
  if (host === 'doi.org' || host === 'dx.doi.org') return 'doi'
  if (host.endsWith('arxiv.org') && path.startsWith('/pdf')) return 'pdf'
  if (path.endsWith('.pdf')) return 'pdf'
  if (host.endsWith('arxiv.org') && path.startsWith('/abs')) return 'abs'
  if (host.endsWith('huggingface.co') && path.startsWith('/papers/')) return 'abs'
  return 'other'
}

/** Links from URLs, each classified, without repeats. */
export function toLinks(urls: Iterable<string>, kindOverride?: LinkKind): ParsedLink[] {
  const seen = new Set<string>()
  const links: ParsedLink[] = []
  for (const raw of urls) {
    const url = cleanUrl(raw)
    if (!isHttpUrl(url) || seen.has(url)) continue
    seen.add(url)
    links.push({ url, kind: kindOverride ?? linkKind(url) })
  }
  return links
}

const NEW_STYLE_ID = /(?:^|[^\d.])(\d{4}\.\d{4,5})(?:v(\d+))?(?![\d])/
const OLD_STYLE_ID = /\b([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v(\d+))?\b/

/**
 * Finds an arXiv identifier in an id, an `arXiv:` reference or an arxiv.org URL.
 * Returns the id without version, and the version when one is given.
 */
export function parseArxivId(text: string): { id: string; version: number | null } | null {
  const trimmed = text.trim()
  const newStyle = NEW_STYLE_ID.exec(trimmed)
  if (newStyle) {
    const [, id, version] = newStyle
    return { id: id!, version: version ? Number(version) : null }
  }
  const oldStyle = OLD_STYLE_ID.exec(trimmed)
  if (oldStyle) {
    const [, id, version] = oldStyle
    return { id: id!, version: version ? Number(version) : null }
  }
  return null
}

/** `https://doi.org/10.1000/ABC` -> `10.1000/abc`; null when it is not a DOI. */
export function normalizeDoi(text: string | null | undefined): string | null {
  if (!text) return null
  const match = /10\.\d{4,9}\/\S+/.exec(text.trim())
  if (!match) return null
  return cleanUrl(match[0]).toLowerCase()
}

/** Collapses runs of white space (including NBSP) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim()
}

/**
 * The title as dedupe sees it: case, accents, punctuation and white space folded,
 * so "Attention is All you Need." and "attention is all you need" are one paper.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
