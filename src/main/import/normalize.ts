// Pure helpers every parser shares: links, identifiers and the title key used for dedupe.
import type { LinkKind } from '../../shared/model'
import type { ParsedLink } from './types'

const TRAILING_PUNCTUATION = new Set('.,;:!?\'"*>')
const BRACKETS = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}']
] as const
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
  let url = trimControls(raw)
  for (;;) {
    const before = url
    let end = url.length
    while (end > 0 && TRAILING_PUNCTUATION.has(url[end - 1]!)) end--
    url = url.slice(0, end)
    for (const [open, close] of BRACKETS) {
      if (url.endsWith(close) && count(url, open) < count(url, close)) url = url.slice(0, -1)
    }
    if (url === before) return url
  }
}

/**
 * Trims white space and control characters (a NUL before a link came out as part of it):
 * the URL parser skips them, so a link kept with them would not start with its scheme.
 */
function trimControls(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && isSpaceOrControl(text.charCodeAt(start))) start++
  while (end > start && isSpaceOrControl(text.charCodeAt(end - 1))) end--
  return text.slice(start, end).trim()
}

function isSpaceOrControl(code: number): boolean {
  return code <= 32 || code === 0x7f
}

function count(text: string, char: string): number {
  let n = 0
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) n++
  return n
}

// Linear: one character class run, no nested quantifiers. Tried only just before each `://`
// (found by indexOf, much faster than the expression's own scan over a long abstract).
const URL_AT = /https?:\/\/[^\s<>"'`\u00a0]+/iy

/** Every http(s) URL in a text, cleaned and without repeats, in order of appearance. */
export function extractUrls(text: string): string[] {
  if (!text.includes('://')) return []
  const seen = new Set<string>()
  let match = urlAt(text, 0)
  while (match !== null) {
    const end = URL_AT.lastIndex
    const url = cleanUrl(match)
    if (url.length > 'https://'.length && isHttpUrl(url)) seen.add(url)
    match = urlAt(text, end)
  }
  return [...seen]
}

/**
 * The first `\bhttps?:\/\/[^\s<>"'`\u00a0]+` at or after `from` (case-insensitive), or null;
 * URL_AT.lastIndex is then its end.
 */
function urlAt(text: string, from: number): string | null {
  for (let colon = text.indexOf('://', from); colon >= 0; colon = text.indexOf('://', colon + 1)) {
    for (const start of [colon - 5, colon - 4]) {
      if (start < from || isWordCode(text.charCodeAt(start - 1))) continue
      URL_AT.lastIndex = start
      const match = URL_AT.exec(text)
      if (match !== null) return match[0]
    }
  }
  return null
}

/** A character `\b` counts as part of a word (ASCII letters, digits, underscore). */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
}

export function isHttpUrl(text: string): boolean {
  // The URL parser forgives "https:example.org" and "https:{//x"; a link must be written out whole
  // (after the leading spaces and control characters the parser itself skips).
  let start = 0
  while (start < text.length && text.charCodeAt(start) <= 32) start++
  if (!/^https?:\/\//i.test(text.slice(start, start + 8))) return false
  const url = urlParts(text)
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0
}

export interface UrlParts {
  protocol: string
  hostname: string
  pathname: string
}

const URL_CACHE_SIZE = 512
const urlCache = new Map<string, UrlParts | null>()

/**
 * The parts of a URL the importer looks at; null when the text is not a URL. Parsers ask about
 * the same link several times in a row (is it http, what kind, which host), so recent answers
 * are remembered.
 */
export function urlParts(text: string): UrlParts | null {
  const cached = urlCache.get(text)
  if (cached !== undefined) return cached
  let parts = plainUrlParts(text)
  if (parts === null) {
    try {
      const url = new URL(text)
      parts = { protocol: url.protocol, hostname: url.hostname, pathname: url.pathname }
    } catch {
      parts = null
    }
  }
  if (urlCache.size >= URL_CACHE_SIZE) urlCache.clear()
  urlCache.set(text, parts)
  return parts
}

// The URLs digests are full of, read without the URL parser (which costs a microsecond each):
// http(s), a host of lower-case letters, digits, dots and hyphens whose last label starts with a
// letter (so never an IPv4 address), a path of characters the parser keeps as they are. Dot
// segments and punycode labels are left to the parser.
const PLAIN_URL = /^(https?:)\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(\/[\w.~!$&'()*+,;=:@/-]*)?(?:[?#]|$)/
const MAX_PLAIN_URL = 2048
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/

/** The parts of a plain URL, exactly as the URL parser gives them; null for any other text. */
function plainUrlParts(text: string): UrlParts | null {
  const match = text.length > MAX_PLAIN_URL ? null : PLAIN_URL.exec(text)
  if (match === null) return null
  const [, protocol, hostname, path] = match
  if (hostname!.includes('xn--') || (path !== undefined && DOT_SEGMENT.test(path))) return null
  return { protocol: protocol!, hostname: hostname!, pathname: path ?? '/' }
}

export function linkKind(url: string): LinkKind {
  const parsed = urlParts(url)
  if (!parsed) return 'other'
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
    const link = toLink(raw, kindOverride)
    if (!link || seen.has(link.url)) continue
    seen.add(link.url)
    links.push(link)
  }
  return links
}

/** One link from a URL, cleaned and classified; null when it is not an http(s) URL. */
export function toLink(raw: string, kindOverride?: LinkKind): ParsedLink | null {
  const url = cleanUrl(raw)
  return isHttpUrl(url) ? { url, kind: kindOverride ?? linkKind(url) } : null
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

/** The id of an `arXiv:2401.12345` reference anywhere in a text (a note, a journal field). */
export function arxivReference(text: string): { id: string; version: number | null } | null {
  const reference = /arXiv:\s*(\S+)/i.exec(text)
  return reference ? parseArxivId(reference[1]!) : null
}

/** An arxiv.org abstract or PDF link (export.arxiv.org too). */
export function isArxivPaperUrl(url: string): boolean {
  return /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i.test(url)
}

/** arXiv's own DOIs (10.48550/arXiv.2401.12345) name the paper. */
export function arxivFromDoi(doi: string | null): { id: string; version: number | null } | null {
  const match = doi ? /^10\.48550\/arxiv\.(.+)$/i.exec(doi) : null
  return match ? parseArxivId(match[1]!) : null
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
  return rewriteWhitespace(text, false)
}

/**
 * Paragraphs one blank line apart (`\n\n`), the white space inside each collapsed to one space;
 * a blank line is two line breaks with nothing but spaces, tabs or NBSP between them.
 */
export function collapseParagraphs(text: string): string {
  return rewriteWhitespace(text, true)
}

// White space that is not one plain space between two words: a run of two, or any other kind.
// Found by two searches, each faster than `\s\s|[^\S ]` over a long abstract: two spaces, and
// white space other than a plain space (its run starts at the space before it, if any).
const OTHER_WHITESPACE = /[^\S ]/g
const NOT_SEARCHED = -2

/**
 * One forward pass. Text between irregular runs of white space is copied in whole chunks (the
 * searches find the next run in native code, each remembered until the pass goes beyond it, so
 * the text is searched once), and a text that needs no change (the common case) comes back as
 * it is, without a copy.
 */
function rewriteWhitespace(text: string, keepParagraphs: boolean): string {
  const length = text.length
  let i = 0
  while (i < length && isWhitespaceCode(text.charCodeAt(i))) i++
  let chunkStart = i
  let out = ''
  let other = NOT_SEARCHED
  let spaces = NOT_SEARCHED
  for (;;) {
    if (other !== -1 && other < i) {
      OTHER_WHITESPACE.lastIndex = i
      other = OTHER_WHITESPACE.exec(text)?.index ?? -1
    }
    if (spaces !== -1 && spaces < i) spaces = text.indexOf('  ', i)
    const otherRun = other > i && text.charCodeAt(other - 1) === 32 ? other - 1 : other
    const runStart = spaces < 0 ? otherRun : otherRun < 0 ? spaces : Math.min(otherRun, spaces)
    if (runStart < 0) break
    let newline = false
    let blankLine = false
    for (i = runStart; i < length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) {
        blankLine ||= newline
        newline = true
      } else if (c === 32 || c === 9 || c === 160) continue
      else if (isWhitespaceCode(c)) newline = false
      else break
    }
    out += text.slice(chunkStart, runStart)
    if (i === length) return out
    out += keepParagraphs && blankLine ? '\n\n' : ' '
    chunkStart = i
  }
  // What is left has single spaces only; one may end the text.
  const end = length > chunkStart && text.charCodeAt(length - 1) === 32 ? length - 1 : length
  return chunkStart === 0 && end === length ? text : out + text.slice(chunkStart, end)
}

/** The characters `\s` matches in a JavaScript regular expression (NBSP among them). */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13)
  if (c < 160) return false
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

// eslint-disable-next-line no-control-regex -- every ASCII character, controls included
const ASCII_ONLY = /^[\x00-\x7f]*$/

/**
 * The title as dedupe sees it: case, accents, punctuation and white space folded,
 * so "Attention is All you Need." and "attention is all you need" are one paper.
 */
export function titleKey(title: string): string {
  // ASCII has nothing to decompose and no marks, and its letters and digits are [a-z0-9]: the
  // same key without the Unicode passes, for most titles.
  if (ASCII_ONLY.test(title))
    return title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * "refs/reading-list.bib" -> "reading-list": a digest named after its file, without folder and
 * extension (only an `extension` like this one, when given). `fallback` (else the file's whole
 * name) when nothing is left.
 */
export function titleFromFileName(fileName: string, fallback?: string, extension = /\.[^.]*$/): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  const stem = base.replace(extension, '').trim()
  return stem || (fallback ?? base)
}
