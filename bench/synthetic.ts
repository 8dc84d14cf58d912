// Synthetic digests in the Hugging Face papers-page text format, from an invented vocabulary,
// so the benchmark never ships anyone's real titles or abstracts. Deterministic for a seed.

/** mulberry32: small, fast and good enough to spread words. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ONSETS = [
  'b',
  'd',
  'f',
  'g',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'dr',
  'kl',
  'pr',
  'st',
  'tr'
]
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ei']
const CODAS = ['', '', 'n', 'r', 'l', 's', 'x', 'nd', 'rt']

export interface Vocabulary {
  words: string[]
  /** A word drawn with a Zipf-like law: the first words are common, the tail is rare. */
  pick(): string
  /** The same draw from another random source. */
  pickWith(random: () => number): string
}

export function makeVocabulary(size: number, random: () => number): Vocabulary {
  const seen = new Set<string>()
  const words: string[] = []
  const syllable = (): string =>
    ONSETS[Math.floor(random() * ONSETS.length)]! +
    VOWELS[Math.floor(random() * VOWELS.length)]! +
    CODAS[Math.floor(random() * CODAS.length)]!
  while (words.length < size) {
    const syllables = 2 + Math.floor(random() * 3)
    let word = ''
    for (let i = 0; i < syllables; i++) word += syllable()
    if (word.length < 4 || seen.has(word)) continue
    seen.add(word)
    words.push(word)
  }
  // Zipf with exponent 1: cumulative weights 1/1 + 1/2 + ...; binary search a uniform draw.
  const cumulative: number[] = []
  let sum = 0
  for (let rank = 1; rank <= size; rank++) cumulative.push((sum += 1 / rank))
  const pickWith = (source: () => number): string => {
    const target = source() * sum
    let low = 0
    let high = size - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle]! < target) low = middle + 1
      else high = middle
    }
    return words[low]!
  }
  return { words, pick: () => pickWith(random), pickWith }
}

export interface SyntheticPaper {
  title: string
  abstract: string
}

export class PaperFactory {
  private readonly random: () => number
  readonly vocabulary: Vocabulary
  private serial = 0

  constructor(seed = 20240312, vocabularySize = 20_000) {
    this.random = randomSource(seed)
    this.vocabulary = makeVocabulary(vocabularySize, this.random)
  }

  private capitalize(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1)
  }

  /** ~80 characters; a serial word keeps every title distinct, so dedupe is the benchmark's choice. */
  title(): string {
    const words: string[] = []
    let length = 0
    while (length < 70) {
      const word = this.capitalize(this.vocabulary.pick())
      words.push(word)
      length += word.length + 1
    }
    this.serial++
    return `${words.join(' ')}: Study ${this.serial.toString(36)}`
  }

  /** ~1,500 characters of sentences (or about `minLength`); one in five mentions a GitHub repository. */
  abstract(minLength = 1_450): string {
    const sentences: string[] = []
    let length = 0
    while (length < minLength) {
      const count = 12 + Math.floor(this.random() * 14)
      const words: string[] = []
      for (let i = 0; i < count; i++) words.push(this.vocabulary.pick())
      const sentence = `${this.capitalize(words.join(' '))}.`
      sentences.push(sentence)
      length += sentence.length + 1
    }
    if (this.random() < 0.2) {
      const owner = this.vocabulary.words[Math.floor(this.random() * 5_000)]!
      const repo = this.vocabulary.words[Math.floor(this.random() * 5_000)]!
      sentences.push(`Code is available at https://github.com/${owner}/${repo}.`)
    }
    return sentences.join(' ')
  }

  /** An invented person: a capitalised given name and family name from the vocabulary. */
  author(): string {
    const word = (): string => this.capitalize(this.vocabulary.words[Math.floor(this.random() * 5_000)]!)
    return `${word()} ${word()}`
  }

  /** A random whole number below `limit`, from the factory's seeded source. */
  below(limit: number): number {
    return Math.floor(this.random() * limit)
  }

  paper(): SyntheticPaper {
    return { title: this.title(), abstract: this.abstract() }
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The page as a reader copies it: chrome lines, the list date, then title / blank / abstract / blank. */
export function hfDigestText(date: Date, papers: SyntheticPaper[]): string {
  const lines = [
    'new',
    '',
    'Get trending papers in your email inbox!',
    '',
    'Subscribe',
    '',
    'byAK and the research community',
    '',
    `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`,
    ''
  ]
  for (const paper of papers) lines.push(paper.title, '', paper.abstract, '')
  return lines.join('\n')
}
