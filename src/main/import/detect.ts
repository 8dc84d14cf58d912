// Which format a text is in, judged by content first: every registered parser scores the text,
// the most confident wins, and the file extension only breaks ties.
import { describeFormats, PARSERS } from './formats'
import { ImportError, type DigestParser, type FormatName } from './types'

/** Below this, a parser is guessing: better to say we do not know the format. */
export const MIN_DETECT_SCORE = 0.2
/** Scores this close count as a tie. */
const TIE = 0.01

export interface Detection {
  format: FormatName
  score: number
}

/** The format of a digest; throws ImportError('UNKNOWN_FORMAT') listing what Dogear reads. */
export function detectFormat(text: string, fileName: string, parsers: readonly DigestParser[] = PARSERS): FormatName {
  const ranked = rankFormats(text, fileName, parsers)
  const best = ranked[0]
  if (!best || best.score < MIN_DETECT_SCORE) {
    throw new ImportError(
      'UNKNOWN_FORMAT',
      fileName,
      `not a digest format Dogear recognizes. Dogear reads: ${describeFormats()}. ` +
        'If the file is one of these, name its format explicitly (--format NAME on the command line).'
    )
  }
  return best.format
}

/** Every parser's score, best first; ties go to the parser whose extensions match the file name. */
export function rankFormats(text: string, fileName: string, parsers: readonly DigestParser[] = PARSERS): Detection[] {
  const lowerName = fileName.toLowerCase()
  const scored = parsers.map((parser, order) => ({
    format: parser.format,
    score: safeScore(parser, text, fileName),
    extensionMatch: parser.extensions.some((ext) => lowerName.endsWith(ext.toLowerCase())),
    order
  }))
  scored.sort((a, b) => {
    if (Math.abs(a.score - b.score) > TIE) return b.score - a.score
    if (a.extensionMatch !== b.extensionMatch) return a.extensionMatch ? -1 : 1
    return a.order - b.order
  })
  return scored.map(({ format, score }) => ({ format, score }))
}

/** A detector that throws or answers nonsense is treated as "not mine", so one bad parser cannot block imports. */
function safeScore(parser: DigestParser, text: string, fileName: string): number {
  try {
    const score = parser.detect(text, fileName)
    return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0
  } catch {
    return 0
  }
}
