// A reader's years of digests, invented: daily files of realistic sizes, some papers listed
// again in later digests, words drawn Zipf-like from a real-sized vocabulary (the commonest
// words are in nearly every abstract, the rare ones in a handful). Any paper can be made again
// from its serial number, so nothing keeps a million abstracts in memory, and digest files are
// written to disk in pieces, never built as one string.
import { closeSync, openSync, writeSync } from 'node:fs'
import { makeVocabulary, randomSource, type Vocabulary } from './synthetic'

export interface CorpusPaper {
  title: string
  abstract: string
}

export interface DigestPlan {
  /** YYYY-MM-DD */
  date: string
  /** Paper serials in the digest's order; a serial seen in an earlier digest is a repeat. */
  serials: number[]
  repeats: number
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAY_MS = 86_400_000

export class Corpus {
  readonly vocabulary: Vocabulary

  constructor(
    readonly seed = 20240312,
    vocabularySize = 50_000
  ) {
    this.vocabulary = makeVocabulary(vocabularySize, randomSource(seed))
  }

  /** The same paper for the same serial, every time. */
  paper(serial: number): CorpusPaper {
    const random = randomSource((this.seed ^ Math.imul(serial, 0x9e3779b1)) >>> 0)
    const pick = (): string => this.vocabulary.pickWith(random)
    const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)
    const titleWords: string[] = []
    for (let length = 0; length < 60;) {
      const word = capitalize(pick())
      titleWords.push(word)
      length += word.length + 1
    }
    const sentences: string[] = []
    for (let length = 0; length < 1_450;) {
      const count = 12 + Math.floor(random() * 14)
      const words: string[] = []
      for (let i = 0; i < count; i++) words.push(pick())
      const sentence = `${capitalize(words.join(' '))}.`
      sentences.push(sentence)
      length += sentence.length + 1
    }
    if (random() < 0.2) {
      const w = this.vocabulary.words
      sentences.push(
        `Code is available at https://github.com/${w[Math.floor(random() * 5_000)]}/${w[Math.floor(random() * 5_000)]}.`
      )
    }
    return { title: `${titleWords.join(' ')}: Study ${serial.toString(36)}`, abstract: sentences.join(' ') }
  }
}

/**
 * Digests, oldest first, one a day back from `lastDay`, until `papers` distinct papers are
 * listed: most days 150-800 papers (an arXiv listing's size), one in forty a backlog of a few
 * thousand, and one entry in twelve a paper an earlier digest already listed. `scale`
 * multiplies the sizes (weekly or monthly files; a faster build of a very large library).
 */
export function* planDigests(papers: number, lastDay: Date, seed = 99, scale = 1): Generator<DigestPlan> {
  const random = randomSource(seed)
  const sizes: number[] = []
  for (let listed = 0; listed < papers;) {
    const daily = random() < 0.025 ? 2_000 + Math.floor(random() * 4_000) : 150 + Math.floor(random() * 650)
    // At most 30,000 papers a file: within the default 64 MB import cap.
    const size = Math.min(30_000, Math.round(daily * scale))
    sizes.push(size)
    listed += Math.round(size * (11 / 12))
  }
  let next = 1
  const first = lastDay.getTime() - (sizes.length - 1) * DAY_MS
  for (let d = 0; d < sizes.length && next <= papers; d++) {
    const serials: number[] = []
    let repeats = 0
    for (let i = 0; i < sizes[d]! && next <= papers; i++) {
      if (next > 1_000 && random() < 1 / 12) {
        serials.push(1 + Math.floor(random() * (next - 1)))
        repeats++
      } else serials.push(next++)
    }
    yield { date: new Date(first + d * DAY_MS).toISOString().slice(0, 10), serials, repeats }
  }
}

/** Writes a digest in the Hugging Face papers-page text format, a few hundred KB at a time. */
export function writeHfDigest(path: string, date: string, papers: Iterable<CorpusPaper>): number {
  const fd = openSync(path, 'w')
  let bytes = 0
  try {
    const [, month, day] = date.split('-').map(Number)
    let chunk = [
      'new',
      'Get trending papers in your email inbox!',
      'Subscribe',
      'byAK and the research community',
      `${MONTHS[month! - 1]} ${day}`,
      ''
    ].join('\n\n')
    const flush = () => {
      bytes += writeSync(fd, chunk)
      chunk = ''
    }
    for (const paper of papers) {
      chunk += `${paper.title}\n\n${paper.abstract}\n\n`
      if (chunk.length > 256_000) flush()
    }
    flush()
  } finally {
    closeSync(fd)
  }
  return bytes
}
