// The Hugging Face papers page, copied from the browser as plain text.
//
// The copy has no markup, so the parser reads it in two passes. First every line is classified
// (hf-text-lines.ts: page chrome, upvote count, "Submitted by", meta lines, star counts,
// "Code:" lines, or text); consecutive text lines form paragraphs. Then paragraphs are placed:
// a paper is a title paragraph followed by its abstract (or, in the trending view, a one-line
// summary kept as a snippet). Upvote counts and "Submitted by" lines open a paper; meta lines
// close it. Hard-wrapped paragraphs are joined back into one line.
import { collapseWhitespace, extractUrls, toLinks } from '../normalize'
import type {
  DigestParser,
  ParseContext,
  ParsedLink,
  ParsedPaper,
  ParseResult,
  ParseStream,
  ParseWarning
} from '../types'
import { collectStream, paperStream } from '../stream'
import { parsedPaper } from '../paper'
import { NAME_PARTICLES } from '../../../shared/name-particles'
import {
  CHROME,
  chromeKey,
  scanLines,
  splitAuthors,
  STARS,
  STRONG_CHROME,
  SUBMITTED,
  UPVOTES,
  type SourceLine,
  type Token
} from './hf-text-lines'

/** Longest line still read as a title; longer single lines are prose. */
const MAX_TITLE_LENGTH = 300
/**
 * An organisation name ("Northwind Research") and a title without an abstract look alike when
 * a meta line follows; names are short, so only short lines of few words are taken as names.
 */
const MAX_ORGANISATION_LENGTH = 50
const MAX_ORGANISATION_WORDS = 5
/** A line this long is prose or garbage, never a title. */
const MAX_TITLE_CANDIDATE_LENGTH = 1000
/** A paragraph this short, without a final period, is a title wrapped over lines. */
const MAX_WRAPPED_TITLE_LENGTH = 250

export function parseHuggingFacePapersText(text: string, context: ParseContext): ParseResult {
  return collectStream(streamHuggingFacePapersText(text, context), context.fileName, true)
}

/**
 * Papers as the second pass places them: a paper is handed over once the next one is finished,
 * since meta and "Code:" lines after a paper still belong to it.
 */
export function streamHuggingFacePapersText(text: string, context: ParseContext): ParseStream {
  const reference = referenceTime(context)
  const lines = text.split('\n')
  const { trending, daily } = pageKind(lines)
  const builder = new DigestBuilder(trending)
  function* papers(): Generator<ParsedPaper> {
    let token: Token | undefined
    for (const next of scanLines(lines, reference)) {
      if (token) builder.take(token, next)
      token = next
      yield* builder.handOver()
    }
    if (token) builder.take(token, undefined)
    yield* builder.finish()
  }
  const title = trending ? 'Hugging Face Trending Papers' : daily ? 'Hugging Face Daily Papers' : 'Hugging Face Papers'
  return paperStream(
    papers(),
    () => {
      const date = context.dateOverride ?? builder.date
      return { digest: { title, dateFrom: date, dateTo: date }, warnings: builder.warnings }
    },
    'no papers found in it (read as Hugging Face papers page (copied as text))'
  )
}

/** Whether the page is the trending or the daily list: its chrome says so, or star counts do. */
function pageKind(lines: readonly string[]): { trending: boolean; daily: boolean } {
  let trending = false
  let daily = false
  for (const line of lines) {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.length > 400) continue
    const chrome = chromeKey(trimmed)
    if (CHROME.has(chrome)) {
      trending ||= chrome === 'trending papers'
      daily ||= chrome === 'daily papers'
    } else if (!UPVOTES.test(trimmed) && !SUBMITTED.test(trimmed) && STARS.test(trimmed)) {
      trending = true
    }
  }
  return { trending, daily }
}

/** With `--date`, dates without a year are read relative to that day, not to the file's time. */
function referenceTime(context: ParseContext): Date {
  if (context.dateOverride) {
    const [year, month, day] = context.dateOverride.split('-').map(Number)
    return new Date(year!, month! - 1, day!, 23, 59, 59)
  }
  return context.fileModifiedAt
}

/** Joins hard-wrapped lines; a line ending in a hyphen after a letter keeps it and joins tight. */
export function unwrapLines(lines: readonly string[]): string {
  let joined = ''
  let previous = ''
  for (const raw of lines) {
    const line = raw.trim()
    if (line === '') continue
    if (joined === '') joined = line
    // The text joined so far ends as the previous line does: looking at its last characters
    // only keeps a paragraph of many thousand lines linear.
    else if (HYPHEN_AFTER_LETTER.test(previous.slice(-3))) joined += line
    else joined += ' ' + line
    previous = line
  }
  return joined
}

const HYPHEN_AFTER_LETTER = /\p{L}-$/u

interface Draft {
  line: number
  title: string | null
  body: string | null
  extraLinks: ParsedLink[]
  authors: string[]
  publishedAt: string | null
}

function emptyDraft(line: number): Draft {
  return { line, title: null, body: null, extraLinks: [], authors: [], publishedAt: null }
}

const NONE_READY: readonly ParsedPaper[] = []

class DigestBuilder {
  readonly warnings: ParseWarning[] = []
  private listDate: string | null = null
  /** The paper being read; null between a meta line and the next paper. */
  private current: Draft | null = null
  /** The paper most recently finished, for meta and "Code:" lines that follow it. */
  private last: Draft | null = null
  private finished: Draft[] = []
  /** Papers finished before the last one (handed over or not) count as having been there. */
  private handedOver = 0

  constructor(private readonly trending: boolean) {}

  take(token: Token, next: Token | undefined): void {
    switch (token.kind) {
      case 'para':
        return this.placeParagraph(token.lines, next)
      case 'upvotes':
      case 'submitted':
        if (this.current?.title) this.close()
        this.current ??= emptyDraft(token.line)
        return
      case 'link': {
        const target = this.target()
        if (target) target.extraLinks.push(...toLinks([token.url], token.linkKind))
        else this.warn(token.line, 'a link line before the first paper was ignored')
        return
      }
      case 'authors': {
        const target = this.target()
        if (target) target.authors = token.names
        else this.warn(token.line, 'an authors line before the first paper was ignored')
        return
      }
      case 'meta':
        return this.takeMeta(token)
      case 'stars':
        if (this.target() === null) this.warn(token.line, 'a star count before the first paper was ignored')
        if (this.current?.title) this.close()
        return
    }
  }

  /** The list's own date (a meta line before the first paper), once read. */
  get date(): string | null {
    return this.listDate
  }

  /** Papers no later line can change any more: every finished one but the last. */
  handOver(): readonly ParsedPaper[] {
    if (this.finished.length < 2) return NONE_READY
    const ready = this.finished.slice(0, -1)
    this.finished = this.finished.slice(-1)
    this.handedOver += ready.length
    return ready.map((draft) => this.toPaper(draft))
  }

  /** The papers still held, at the end of the file. */
  finish(): ParsedPaper[] {
    if (this.current?.title) this.close()
    const rest = this.finished
    this.finished = []
    this.handedOver += rest.length
    return rest.map((draft) => this.toPaper(draft))
  }

  /** The paper a trailing line belongs to: the open one if it has a title, else the last one. */
  private target(): Draft | null {
    return this.current?.title ? this.current : this.last
  }

  private takeMeta(token: Extract<Token, { kind: 'meta' }>): void {
    const noPaperYet = this.handedOver === 0 && this.finished.length === 0 && !this.current?.title
    if (noPaperYet) {
      if (token.date !== null && this.listDate === null) this.listDate = token.date
      else this.warn(token.line, `"${shorten(token.text)}" before the first paper was ignored`)
      return
    }
    const target = this.target()
    if (target && token.date !== null) target.publishedAt ??= token.date
    if (this.current?.title) this.close()
  }

  private placeParagraph(lines: SourceLine[], next: Token | undefined): void {
    const first = lines[0]!
    const current = this.current
    if (current === null || current.title === null) {
      this.startPaper(lines, current)
      return
    }
    const single = lines.length === 1
    const nextIsMeta = next?.kind === 'meta' || next?.kind === 'stars'
    // Names sit between the title and the abstract, or just before the meta line; elsewhere a
    // line of capitalized phrases is more likely the next paper's title.
    const authorsPlace = current.body === null || nextIsMeta
    if (single && authorsPlace && current.authors.length === 0 && looksLikeNameList(first.text)) {
      current.authors = splitAuthors(first.text)
      return
    }
    if (current.body === null) {
      current.body = unwrapLines(lines.map((l) => l.text))
      return
    }
    if (single && nextIsMeta && looksLikeOrganisation(first.text)) return
    if (single && first.text.length <= MAX_TITLE_LENGTH) {
      this.close()
      this.startPaper(lines, null)
      return
    }
    if (single || /^\p{Ll}+\b/u.test(first.text)) {
      current.body += '\n\n' + unwrapLines(lines.map((l) => l.text))
      this.warn(first.line, `a second paragraph was joined to the abstract of "${shorten(current.title)}"`)
      return
    }
    this.close()
    this.startPaper(lines, null)
  }

  /** A paragraph that opens a paper: a title, a title wrapped over lines, or a title with its abstract. */
  private startPaper(lines: SourceLine[], pending: Draft | null): void {
    if (lines[0]!.text.length > MAX_TITLE_CANDIDATE_LENGTH) {
      this.warn(lines[0]!.line, `a ${lines[0]!.text.length}-character line where a title was expected was skipped`)
      return
    }
    const draft = pending ?? emptyDraft(lines[0]!.line)
    draft.line = Math.min(draft.line, lines[0]!.line)
    const texts = lines.map((l) => l.text)
    const joined = unwrapLines(texts)
    const wrappedTitle = lines.length <= 3 && joined.length <= MAX_WRAPPED_TITLE_LENGTH && !joined.endsWith('.')
    if (lines.length === 1 || wrappedTitle) {
      draft.title = joined
    } else {
      draft.title = texts[0]!
      draft.body = unwrapLines(texts.slice(1))
    }
    if (draft.title.length > MAX_TITLE_LENGTH) {
      this.warn(lines[0]!.line, `an unusually long title (${draft.title.length} characters); check this entry`)
    }
    this.current = draft
  }

  private close(): void {
    const draft = this.current
    this.current = null
    if (draft?.title) {
      this.finished.push(draft)
      this.last = draft
    }
  }

  private toPaper(draft: Draft): ParsedPaper {
    const title = collapseWhitespace(draft.title ?? '')
    const body = draft.body?.trim() || null
    if (body === null && !this.trending) this.warn(draft.line, `"${shorten(title)}" has no abstract`)
    const links = toLinks([...(body ? extractUrls(body) : []), ...draft.extraLinks.map((l) => l.url)])
    // A labelled "Code:" or "Project:" line says what the link is, whatever its host.
    for (const extra of draft.extraLinks) {
      const link = links.find((l) => l.url === extra.url)
      if (link) link.kind = extra.kind
    }
    return parsedPaper({
      title,
      authors: draft.authors,
      abstract: this.trending ? null : body,
      snippet: this.trending ? body : null,
      links,
      publishedAt: draft.publishedAt,
      line: draft.line
    })
  }

  private warn(line: number, message: string): void {
    this.warnings.push({ line, message })
  }
}

/**
 * "Ada Quill, Bo Marsh and Cy Dunn": two or more names of two to five words each. Requiring
 * whole names keeps titles such as "Transformers, RNNs, and CNNs" out.
 */
export function looksLikeNameList(text: string): boolean {
  // The cheap tests first: an abstract (the line asked about most often) ends with a period.
  if (text.length > 2000 || text.endsWith('.') || /[\d:;!?()[\]]/.test(text)) return false
  const names = text
    .split(/,|\band\b|&/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
  if (names.length < 2) return false
  return names.every((name) => {
    const words = name.split(/\s+/)
    return (
      words.length >= 2 &&
      words.length <= 5 &&
      words.every((word) => /^\p{Lu}[\p{L}.'’-]*$/u.test(word) || NAME_PARTICLES.has(word)) &&
      !NAME_PARTICLES.has(words[words.length - 1]!)
    )
  })
}

function looksLikeOrganisation(text: string): boolean {
  return (
    text.length <= MAX_ORGANISATION_LENGTH && text.split(/\s+/).length <= MAX_ORGANISATION_WORDS && !text.includes(':')
  )
}

function shorten(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '...' : text
}

/** How much the text looks like a copied papers page; see DigestParser.detect. */
export function detectHuggingFacePapersText(text: string, fileName: string): number {
  const head = text.slice(0, 64 * 1024)
  const lower = head.toLowerCase()
  const extensionBonus = /\.(txt|text)$/i.test(fileName) ? 0.05 : 0
  // Markup, JSON, BibTeX, RIS and mail can mention "Daily Papers" too; they have their own parsers.
  const start = head.trimStart()
  if (/^[<{[@%\\#|]/.test(start) || /^(?:TY {2}-|From:|Received:|MIME-Version:)/m.test(start.slice(0, 2000))) return 0
  if (STRONG_CHROME.some((line) => lower.includes(line))) return 0.9 + extensionBonus
  let submitted = 0
  for (const line of head.split('\n')) if (SUBMITTED.test(line.trim())) submitted++
  if (submitted >= 2) return 0.8 + extensionBonus
  // The plain shape: a one-line title paragraph, then a long abstract paragraph.
  const paragraphs = head.split(/\n[ \t]*\n/).map((p) => p.trim())
  let titleThenAbstract = 0
  for (let i = 1; i < paragraphs.length; i++) {
    const title = paragraphs[i - 1]!
    const titleLike = title !== '' && !title.includes('\n') && title.length <= MAX_TITLE_LENGTH && !title.endsWith('.')
    if (titleLike && paragraphs[i]!.length >= 300) titleThenAbstract++
  }
  if (titleThenAbstract >= 2) return 0.35 + extensionBonus
  return 0
}

export const hfTextParser: DigestParser = {
  format: 'hf-text',
  label: 'Hugging Face papers page (copied as text)',
  extensions: ['.txt'],
  detect: detectHuggingFacePapersText,
  parse: parseHuggingFacePapersText,
  stream: streamHuggingFacePapersText
}
