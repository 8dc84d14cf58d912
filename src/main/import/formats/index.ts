// The formats Dogear reads. Adding one is one line: import its parser and list it here.
// Order matters only for ties: when two parsers are equally sure, the earlier one wins
// (after the file extension has had its say; see ../detect.ts).
import type { FormatInfo } from '../../../shared/model'
import type { DigestParser, FormatName } from '../types'
import { hfTextParser } from './hf-text'

export const PARSERS: DigestParser[] = [hfTextParser]

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
