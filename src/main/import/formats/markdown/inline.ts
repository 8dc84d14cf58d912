// Inline Markdown: links and images found in one linear pass, and inline text turned into plain
// text (links become their text, images vanish, emphasis and escapes are dropped, HTML becomes text).
import { collapseWhitespace, extractUrls } from '../../normalize'
import { fragmentText } from './html-fragments'

export interface LabelledLink {
  url: string
  label: string
}

export interface InlineLink extends LabelledLink {
  text: string
  start: number
  end: number
  image: boolean
}

const MAX_URL = 2048
const MAX_BRACKET_DEPTH = 256

/**
 * Every `[text](url)` and `![alt](src)` in a line, found in one pass: brackets are matched with a
 * stack, and the closing parenthesis is looked up with a forward-only cursor, so a hostile
 * line of brackets costs linear time.
 */
export function scanLinks(text: string): InlineLink[] {
  const links: InlineLink[] = []
  let start = text.indexOf('[')
  if (start < 0) return links
  // Backslashes right before the first bracket may escape it: scan from the first of them.
  while (start > 0 && text.charCodeAt(start - 1) === 92) start--
  const opens: number[] = []
  let nextClose = -1
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 92 /* \ */) {
      i++
    } else if (c === 91 /* [ */) {
      if (opens.length < MAX_BRACKET_DEPTH) opens.push(i)
    } else if (c === 93 /* ] */ && opens.length > 0) {
      const open = opens.pop()!
      if (text.charCodeAt(i + 1) !== 40 /* ( */) continue
      if (nextClose < i + 2) nextClose = text.indexOf(')', i + 2)
      if (nextClose < 0) {
        nextClose = text.length
        continue
      }
      if (nextClose >= text.length) continue
      let close = nextClose
      const target = text.slice(i + 2, close)
      if (target.length > MAX_URL) continue
      if (count(target, '(') > 0 && text[close + 1] === ')') close++
      const url = (
        text
          .slice(i + 2, close)
          .trim()
          .split(/\s+/)[0] ?? ''
      ).replace(/^<|>$/g, '')
      const image = open > 0 && text[open - 1] === '!'
      const inner = text.slice(open + 1, i)
      const alt = /^!\[([^\]]*)\]/.exec(inner)
      links.push({
        text: inner,
        url,
        // A cheap label (no nested parsing): enough to tell "[PDF]" or "[Code]" from a title.
        label: (alt ? alt[1]! : inner).replace(/[*_`]/g, '').trim(),
        start: image ? open - 1 : open,
        end: close + 1,
        image
      })
      i = close
    }
  }
  return links.sort((a, b) => a.start - b.start)
}

function count(text: string, char: string): number {
  let n = 0
  for (const c of text) if (c === char) n++
  return n
}

/** Links a reader can follow (not badge images), plus bare URLs in the text around them. */
export function linksOf(text: string): InlineLink[] {
  const all = scanLinks(text)
  const found = all.filter((l) => !l.image)
  if (!text.includes('http')) return found
  const outside: string[] = []
  let at = 0
  for (const link of all) {
    if (link.start < at) continue
    outside.push(text.slice(at, link.start))
    at = link.end
  }
  outside.push(text.slice(at))
  // A bare URL needs its `://` outside the links (most link cells have none).
  if (!outside.some((part) => part.includes('://'))) return found
  const bare = extractUrls(outside.join(' ')).map((url) => ({
    url,
    label: '',
    text: url,
    start: -1,
    end: -1,
    image: false
  }))
  return [...found, ...bare]
}

const EMPHASIS_OR_ESCAPE = /[*_`\\]/

/** Markdown inline text to plain text: links become their text, images vanish, HTML becomes text. */
export function inlineText(text: string, dropGenericLinks = false): string {
  const parts: string[] = []
  let at = 0
  for (const link of scanLinks(text)) {
    if (link.start < at) continue
    parts.push(text.slice(at, link.start))
    if (!link.image && !(dropGenericLinks && isGenericLabel(link.label))) parts.push(inlineText(link.text))
    at = link.end
  }
  parts.push(text.slice(at))
  const joined = parts.join('')
  // Most text has no emphasis or escapes, or is one bold span (a table cell): one test spares
  // four rewrites.
  const plain = !EMPHASIS_OR_ESCAPE.test(joined)
    ? joined
    : isPlainBold(joined)
      ? joined.slice(2, -2)
      : joined
          .replace(/\*\*|__|`/g, '')
          .replace(/(^|[\s(])[*_](?=\S)/g, '$1')
          .replace(/(\S)[*_](?=$|[\s).,;:!?])/g, '$1')
          .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')
  return collapseWhitespace(/[<&]/.test(plain) ? fragmentText(plain) : plain)
}

/** `**text**` with no other emphasis or escape inside: the rewrites would leave just the text. */
function isPlainBold(text: string): boolean {
  return text.length > 4 && text.startsWith('**') && text.endsWith('**') && !EMPHASIS_OR_ESCAPE.test(text.slice(2, -2))
}

const GENERIC_LABELS = new Set([
  'pdf', 'paper', 'arxiv', 'abs', 'abstract', 'code', 'github', 'project', 'project page', 'page', 'website',
  'homepage', 'link', 'html', 'demo', 'video', 'slides', 'poster', 'blog', 'dataset', 'data', 'hf', 'huggingface',
  'hugging face', 'model', 'models', 'openreview', 'doi', 'bib', 'bibtex', 'citation', 'official', 'repo', 'web'
]) // prettier-ignore

/** "[PDF]", "(Code)", "arXiv": a link label that names a kind of link, not a paper. */
export function isGenericLabel(label: string): boolean {
  const key = label
    .toLowerCase()
    .replace(/[[\]()|:]/g, '')
    .trim()
  return key === '' || GENERIC_LABELS.has(key)
}

/** A line of links labelled "PDF", "Code", "arXiv"... (or bare URLs): details of the paper above it. */
export function isLinkLine(text: string): boolean {
  const links = scanLinks(text)
  if (links.length === 0 && !/https?:\/\//.test(text)) return false
  if (links.some((l) => !l.image && !isGenericLabel(l.label))) return false
  let rest = ''
  let at = 0
  for (const link of links) {
    if (link.start < at) continue
    rest += text.slice(at, link.start) + ' '
    at = link.end
  }
  rest = (rest + text.slice(at)).replace(/https?:\/\/\S+/g, '')
  return !/\p{L}{3,}/u.test(rest.replace(/\b(pdf|code|paper|project|arxiv|link|and|or)\b/gi, ''))
}

export function isBadgeOnly(text: string): boolean {
  return text !== '' && scanLinks(text).length > 0 && inlineText(text) === ''
}
