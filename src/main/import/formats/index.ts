// The formats Dogear reads. Adding one is one line: import its parser and list it here.
// Order matters only for ties: when two parsers are equally sure, the earlier one wins
// (after the file extension has had its say; see ../detect.ts).
import type { FormatInfo } from '../../../shared/model'
import type { DigestParser, FormatName } from '../types'
import { arxivAtomParser } from './arxiv-atom'
import { arxivEmailParser } from './arxiv-email'
import { arxivRssParser } from './arxiv-rss'
import { bibtexParser } from './bibtex'
import { cslJsonParser } from './csl-json'
import { dogearJsonParser } from './dogear-json'
import { createEmlParser } from './eml'
import { feedParser } from './feed'
import { hfHtmlParser } from './hf-html'
import { hfJsonParser } from './hf-json'
import { hfTextParser } from './hf-text'
import { jsonLenientParser } from './json-lenient'
import { markdownParser } from './markdown'
import { risParser } from './ris'
import { scholarAlertParser } from './scholar-alert'
import { wosParser } from './wos'

// Specific formats before the generic ones they resemble (arXiv feeds before any feed,
// Dogear's own export, Hugging Face and CSL JSON before lenient JSON).
const DOCUMENT_PARSERS: DigestParser[] = [
  hfTextParser,
  hfHtmlParser,
  hfJsonParser,
  arxivEmailParser,
  arxivRssParser,
  arxivAtomParser,
  feedParser,
  markdownParser,
  bibtexParser,
  risParser,
  wosParser,
  cslJsonParser,
  scholarAlertParser,
  dogearJsonParser,
  jsonLenientParser
]

// An e-mail wraps one of the documents above: its parser hands the part it finds to them.
export const PARSERS: DigestParser[] = [...DOCUMENT_PARSERS, createEmlParser(DOCUMENT_PARSERS)]

/** The parser registered for a format; throws for a format nobody registered. */
export function parserFor(format: FormatName): DigestParser {
  const parser = findParser(format)
  if (!parser) throw new Error(`no parser is registered for the format "${format}"`)
  return parser
}

/** The parser for a user-typed name (`--format`), or undefined. */
export function findParser(name: string): DigestParser | undefined {
  return PARSERS.find((parser) => parser.format === name)
}

export function formatInfos(): FormatInfo[] {
  return PARSERS.map(({ format, label, extensions }) => ({ name: format, label, extensions: [...extensions] }))
}

/** "hf-text (Hugging Face papers page, copied as text), ..." for error messages. */
export function describeFormats(): string {
  return PARSERS.map((parser) => `${parser.format} (${parser.label})`).join(', ')
}
