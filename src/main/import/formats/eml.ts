// E-mail files (.eml): the digest is inside one of the message's parts. The message is read
// as MIME, each text part decoded, and the part handed to the parser that reads it:
// an arXiv listing in the plain-text part first, then a Google Scholar alert's HTML part,
// then whatever part another parser recognizes. The digest takes the mail's Subject and Date.
import { mailDate, headerValue, parseMime, textParts, type MimeEntity } from '../text/mime'
import { ImportError } from '../types'
import type { DigestParser, ParseContext, ParseResult, ParseWarning } from '../types'
import { arxivEmailParser } from './arxiv-email'
import { hfHtmlParser } from './hf-html'
import { markdownParser } from './markdown'
import { scholarAlertParser } from './scholar-alert'

/** Below this a parser is guessing about a part; such parts are not tried. */
const MIN_PART_SCORE = 0.5
const SCHOLAR_SENDER = 'scholaralerts-noreply@google.com'

interface Candidate {
  part: MimeEntity
  parser: DigestParser
  /** Preferred pairings first (tier 0), then by detection score. */
  tier: number
  score: number
  order: number
}

/**
 * An e-mail parser that hands parts to `parsers` (the registry passes its full list, so the
 * e-mail parser itself needs no import of the registry).
 */
export function createEmlParser(parsers: readonly DigestParser[]): DigestParser {
  const inner = parsers.filter((parser) => parser.format !== 'eml')
  return {
    format: 'eml',
    label: 'E-mail message (.eml) holding a digest',
    extensions: ['.eml'],
    detect: detectEml,
    parse: (text, context) => parseEml(text, context, inner)
  }
}

function detectEml(text: string, fileName: string): number {
  const head = text.slice(0, 16_384)
  const isEmlName = /\.eml$/i.test(fileName)
  if (!looksLikeHeaders(head)) return isEmlName ? 0.25 : 0
  // Digest parsers may also score a whole message (its body shows through); the e-mail
  // parser must win so that parts are decoded and Subject and Date are used.
  return /^(mime-version|content-type):/im.test(head.slice(0, headerEnd(head))) ? 0.97 : isEmlName ? 0.9 : 0.7
}

function headerEnd(head: string): number {
  const end = head.indexOf('\n\n')
  return end < 0 ? head.length : end
}

function looksLikeHeaders(head: string): boolean {
  const block = head.slice(0, headerEnd(head)).replace(/^From [^\n]*\n/, '')
  let known = 0
  for (const line of block.split('\n')) {
    if (/^[ \t]/.test(line)) continue
    if (!/^[!-9;-~]+:/.test(line)) return false
    if (/^(mime-version|from|to|subject|date|content-type|message-id|received|return-path):/i.test(line)) known++
  }
  return known >= 2
}

export function parseEml(text: string, context: ParseContext, parsers: readonly DigestParser[]): ParseResult {
  const { root, warnings } = parseMime(text)
  const subject = headerValue(root, 'subject')
  const dateHeader = headerValue(root, 'date')
  const from = headerValue(root, 'from') ?? ''
  const sentAt = dateHeader ? new Date(dateHeader.replace(/\([^)]*\)\s*$/, '')) : null
  const innerContext: ParseContext = {
    ...context,
    // Dates without a year inside the mail are relative to when it was sent.
    fileModifiedAt: sentAt && !Number.isNaN(sentAt.getTime()) ? sentAt : context.fileModifiedAt
  }

  const parts = textParts(root)
  const candidates = rankCandidates(parts, parsers, from)
  const failures: ImportError[] = []
  for (const { part, parser } of candidates) {
    let result: ParseResult
    try {
      result = parser.parse(part.text!, innerContext)
    } catch (error) {
      if (error instanceof ImportError) {
        failures.push(error)
        continue
      }
      throw error
    }
    const sentDay = dateHeader ? mailDate(dateHeader, context.fileModifiedAt) : null
    const date = context.dateOverride ?? sentDay
    return {
      digest: {
        title: subject || result.digest.title,
        dateFrom: date ?? result.digest.dateFrom,
        dateTo: date ?? result.digest.dateTo
      },
      entries: result.entries.map((entry) => ({ ...entry, line: part.lineOf(entry.line) })),
      warnings: [...warnings, ...result.warnings.map((w) => mapWarning(w, part))]
    }
  }
  if (failures[0]) throw failures[0]
  const kinds = parts.length > 0 ? parts.map((p) => p.contentType).join(', ') : 'none'
  throw new ImportError(
    'NO_PAPERS',
    context.fileName,
    `the e-mail holds no digest Dogear reads (its text parts: ${kinds})`
  )
}

function rankCandidates(parts: MimeEntity[], parsers: readonly DigestParser[], from: string): Candidate[] {
  const arxiv = parsers.find((p) => p.format === 'arxiv-email')
  const scholar = parsers.find((p) => p.format === 'scholar-alert')
  const fromScholar = from.toLowerCase().includes(SCHOLAR_SENDER)
  const candidates: Candidate[] = []
  parts.forEach((part, order) => {
    const text = part.text!
    const name = part.fileName ?? partName(part.contentType)
    for (const parser of parsers) {
      const score = safeDetect(parser, text, name)
      let tier = 2
      if (parser === arxiv && part.contentType === 'text/plain' && score >= MIN_PART_SCORE) tier = 0
      else if (parser === scholar && part.contentType === 'text/html' && (fromScholar || score >= MIN_PART_SCORE))
        tier = 1
      else if (score < MIN_PART_SCORE) continue
      candidates.push({ part, parser, tier, score, order })
    }
  })
  return candidates.sort((a, b) => a.tier - b.tier || b.score - a.score || a.order - b.order)
}

function partName(contentType: string): string {
  if (contentType === 'text/html') return 'part.html'
  if (contentType === 'text/markdown' || contentType === 'text/x-markdown') return 'part.md'
  return 'part.txt'
}

function safeDetect(parser: DigestParser, text: string, name: string): number {
  try {
    const score = parser.detect(text, name)
    return Number.isFinite(score) ? score : 0
  } catch {
    return 0
  }
}

function mapWarning(warning: ParseWarning, part: MimeEntity): ParseWarning {
  return warning.line === null ? warning : { ...warning, line: part.lineOf(warning.line) }
}

/** The e-mail parser with the parsers it can import directly; the registry builds the full one. */
export const emlParser: DigestParser = createEmlParser([
  arxivEmailParser,
  scholarAlertParser,
  hfHtmlParser,
  markdownParser
])
