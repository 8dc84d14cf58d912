// Markdown digests embed small HTML fragments by the thousand (one per table row). A DOM per
// fragment costs too much for a 10 MB digest and hostile nesting makes tree builders slow, so
// fragments become text in one linear pass instead: tags removed, unsafe elements dropped
// with their content, entities decoded. The output is text only, never markup.
import { decodeHTML } from 'entities'
import { DROPPED_ELEMENTS as HTML_DROPPED_ELEMENTS, PARAGRAPH_ELEMENTS } from '../../text/html'
import { collapseParagraphs, collapseWhitespace } from '../../normalize'

// Without a tree, the text inside <title> and <textarea> would leak into the abstract: dropped too.
const DROPPED_ELEMENTS = new Set([...HTML_DROPPED_ELEMENTS, 'title', 'textarea'])
const LINE_ELEMENTS = new Set(['br', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'summary', 'dt', 'dd', 'hr'])
// `[^<>]*` stops at the next `<`, so no start position is rescanned: linear. Tried only where
// a `<` is (found by indexOf, faster than the expression's own scan over a long abstract).
const TAG_OR_COMMENT = /<!--|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>|<![^<>]*>/y

/** The first tag or comment opening at or after `from`. */
function nextTag(html: string, from: number): RegExpExecArray | null {
  for (let at = html.indexOf('<', from); at >= 0; at = html.indexOf('<', at + 1)) {
    TAG_OR_COMMENT.lastIndex = at
    const match = TAG_OR_COMMENT.exec(html)
    if (match) return match
  }
  return null
}

/** Plain text of an HTML fragment, paragraphs apart by a blank line. */
export function fragmentText(html: string): string {
  // No tag and no entity: only the whitespace to fold, blank lines kept as paragraphs all the same.
  if (!html.includes('<') && !html.includes('&')) return collapseParagraphs(html)
  const parts: string[] = []
  let at = 0
  for (let match = nextTag(html, 0); match; match = nextTag(html, at)) {
    parts.push(html.slice(at, match.index))
    at = match.index + match[0].length
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', at)
      at = end < 0 ? html.length : end + 3
    } else if (match[2]) {
      const name = match[2].toLowerCase()
      if (!match[1] && DROPPED_ELEMENTS.has(name)) {
        const closing = new RegExp(`</${name}\\s*>`, 'gi')
        closing.lastIndex = at
        const end = closing.exec(html)
        at = end ? closing.lastIndex : html.length
      } else if (PARAGRAPH_ELEMENTS.has(name)) parts.push('\n\n')
      else if (LINE_ELEMENTS.has(name)) parts.push('\n')
    }
  }
  parts.push(html.slice(at))
  const text = parts.join('')
  return collapseParagraphs(text.includes('&') ? decodeHTML(text) : text)
}

// Opening tags end at a word boundary (`<details>`, `<details open>`); closing tags are literal.
const DETAILS_OPEN = { tag: '<details', wordEnd: true }
const DETAILS_CLOSE = { tag: '</details>', wordEnd: false }
const SUMMARY_OPEN = { tag: '<summary', wordEnd: true }
const SUMMARY_CLOSE = { tag: '</summary>', wordEnd: false }

/** Index of a tag at or after `from`, case-insensitive, without copying the text. */
function indexOfTag(text: string, pattern: { tag: string; wordEnd: boolean }, from: number): number {
  const { tag, wordEnd } = pattern
  for (let at = text.indexOf('<', from); at >= 0; at = text.indexOf('<', at + 1)) {
    if (startsWithLowerCase(text, at, tag) && !(wordEnd && isWordCode(text.charCodeAt(at + tag.length)))) return at
  }
  return -1
}

/** True when `text` at `at` reads `lower` in any case (ASCII letters only, as tag names are). */
function startsWithLowerCase(text: string, at: number, lower: string): boolean {
  if (at + lower.length > text.length) return false
  for (let k = 0; k < lower.length; k++) {
    let c = text.charCodeAt(at + k)
    if (c >= 65 && c <= 90) c |= 0x20
    if (c !== lower.charCodeAt(k)) return false
  }
  return true
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
}

/** `<details><summary>S</summary>body</details>` -> the summary and the body as plain text. */
export function readDetails(html: string): { summary: string; body: string } {
  const open = indexOfTag(html, SUMMARY_OPEN, 0)
  const close = open < 0 ? -1 : indexOfTag(html, SUMMARY_CLOSE, open)
  if (open < 0 || close < 0) return { summary: '', body: fragmentText(html) }
  return {
    summary: collapseWhitespace(fragmentText(html.slice(open, close))),
    body: fragmentText(html.slice(0, open) + html.slice(close + '</summary>'.length))
  }
}

/** The cell without its `<details>...</details>` blocks (searched forward only: linear). */
export function withoutDetails(cell: string): string {
  let out = ''
  let at = 0
  for (;;) {
    const open = indexOfTag(cell, DETAILS_OPEN, at)
    if (open < 0) break
    out += cell.slice(at, open)
    const close = indexOfTag(cell, DETAILS_CLOSE, open)
    if (close < 0) return out
    at = close + '</details>'.length
  }
  return out + cell.slice(at)
}
