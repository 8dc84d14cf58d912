// The contract every digest parser fulfils. Parsers are pure: text in, data out;
// no database, no file system, no clock (the context carries the file's time).
import type { LinkKind } from '../../shared/model'

export type FormatName =
  | 'hf-text'
  | 'hf-html'
  | 'hf-json'
  | 'json-lenient'
  | 'arxiv-email'
  | 'arxiv-rss'
  | 'arxiv-atom'
  | 'feed'
  | 'markdown'
  | 'bibtex'
  | 'ris'
  | 'wos'
  | 'csl-json'
  | 'eml'
  | 'scholar-alert'
  | 'dogear-json'

export interface ParsedLink {
  url: string
  kind: LinkKind
}

/** One paper as a digest states it. Absent facts are null, never guessed. */
export interface ParsedPaper {
  title: string
  authors: string[]
  abstract: string | null
  /** Truncated text that is not an abstract (Scholar alert snippets, trending one-liners). */
  snippet: string | null
  /** arXiv id without version: `2401.12345` or `hep-th/9901001`. */
  arxivId: string | null
  arxivVersion: number | null
  /** Lower-cased, without `https://doi.org/`. */
  doi: string | null
  links: ParsedLink[]
  publishedAt: string | null // YYYY-MM-DD
  venue: string | null
  /** Reading state some formats carry (JabRef `readstatus`, `ranking`); applied only to new papers. */
  readHint?: boolean
  starHint?: boolean
  /** The source's own keywords: arXiv categories, BibTeX `keywords`, RIS `KW`, CSL `keyword`, feed categories. */
  subjects?: string[]
  /** JabRef `groups` / Zotero collections: become tags only when the reader asks for it at import. */
  groups?: string[]
  /** The reader's state a Dogear export carries; applied only to papers new to the library. */
  carriedState?: CarriedState
  /** 1-based line where the entry starts in the decoded text. */
  line: number
}

/** Reading state written by `dogear export --format json`, restored when its papers are new. */
export interface CarriedState {
  readAt: string | null
  starredAt: string | null
  note: string | null
  tags: string[]
}

export interface DigestMeta {
  /** A human title: "Hugging Face Daily Papers", "arXiv cs.CL", the feed's title... */
  title: string
  /** Dates the digest covers (YYYY-MM-DD); one day for daily lists, a range for feeds. */
  dateFrom: string | null
  dateTo: string | null
}

export interface ParseWarning {
  line: number | null
  message: string
}

export interface ParseResult {
  digest: DigestMeta
  entries: ParsedPaper[]
  warnings: ParseWarning[]
}

/**
 * A parse that hands its papers over in batches as it reads them, so the library can write each
 * batch and let it go instead of the whole file's papers being held at once (see stream.ts).
 */
export interface ParseStream {
  /** The papers in file order, in batches of at most STREAM_BATCH; read once. */
  batches: Iterable<ParsedPaper[]>
  /** The digest and the warnings: complete once `batches` has been read to its end. */
  result(): { digest: DigestMeta; warnings: ParseWarning[] }
  /** What to tell the reader when the file held no papers at all. */
  noPapers: string
}

export interface ParseContext {
  fileName: string
  /** The file's modification time: dates without a year take the latest such date not after it. */
  fileModifiedAt: Date
  /** YYYY-MM-DD the user gave (`--date`); wins over any date in the file. */
  dateOverride: string | null
}

export interface DigestParser {
  format: FormatName
  label: string
  extensions: string[]
  /**
   * How sure this parser is that the text is its format, 0 (no) to 1 (certain),
   * judged from the content first and the file name second.
   */
  detect(text: string, fileName: string): number
  parse(text: string, context: ParseContext): ParseResult
  /** The same parse, as batches: the formats whose files get large read this way. */
  stream?(text: string, context: ParseContext): ParseStream
}

export type ImportErrorCode =
  | 'NOT_FOUND'
  | 'UNREADABLE'
  | 'EMPTY'
  | 'BINARY'
  | 'TOO_LARGE'
  | 'ENCODING'
  | 'UNKNOWN_FORMAT'
  | 'NO_PAPERS'
  | 'MALFORMED'

/** A file that cannot be imported. The message names the file and, where it helps, the line. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly file: string,
    message: string,
    readonly line: number | null = null
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`)
    this.name = 'ImportError'
  }
}
