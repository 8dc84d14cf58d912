// A labelled synthetic library for the recommendation bench: invented words (syllables, no
// real text), a shared background vocabulary drawn by Zipf's law, a field vocabulary every
// topic uses, topics in sibling pairs that share most of their words (SIBLING_SHARED of
// TOPIC_WORDS), topic words thin in the text, and noise words from other topics.
import { seededRandom } from '../src/main/discover/linear-model'

export interface LabelledPaper {
  /** 1-based, in creation order. */
  id: number
  topic: number
  title: string
  abstract: string
  authors: string[]
  /** Days since 1970-01-01. */
  day: number
}

const CONSONANTS = 'bdfgklmnprstvz'
const VOWELS = 'aeiou'

function inventWords(count: number, random: () => number, taken: Set<string>): string[] {
  const words: string[] = []
  while (words.length < count) {
    const syllables = 2 + Math.floor(random() * 2)
    let word = ''
    for (let s = 0; s < syllables; s++) {
      word += CONSONANTS[Math.floor(random() * CONSONANTS.length)]! + VOWELS[Math.floor(random() * VOWELS.length)]!
    }
    if (random() < 0.5) word += CONSONANTS[Math.floor(random() * CONSONANTS.length)]!
    if (taken.has(word)) continue
    taken.add(word)
    words.push(word)
  }
  return words
}

export interface LibraryShape {
  topics: number
  papersPerTopic: number
  seed: number
  /** Share of topic words in a paper's text (the rest is background and noise). */
  topicShare?: number
  noiseShare?: number
  /** Share of the field's vocabulary, common to every topic. */
  fieldShare?: number
}

const TOPIC_WORDS = 40
/** Words a topic shares with its sibling: the two differ in a few words only. */
const SIBLING_SHARED = 34

interface Topic {
  words: string[]
  phrases: [string, string][]
}

function topicsFor(shape: LibraryShape, random: () => number, taken: Set<string>): Topic[] {
  const topics: Topic[] = []
  for (let t = 0; t < shape.topics; t++) {
    // Odd topics are the siblings of the even ones before them, sharing most of their words.
    const sibling = t % 2 === 1
    const own = inventWords(sibling ? TOPIC_WORDS - SIBLING_SHARED : TOPIC_WORDS, random, taken)
    const words = sibling ? [...topics[t - 1]!.words.slice(0, SIBLING_SHARED), ...own] : own
    const phrases: [string, string][] = []
    for (let p = 0; p < 12; p++) {
      phrases.push([words[Math.floor(random() * words.length)]!, words[Math.floor(random() * words.length)]!])
    }
    topics.push({ words, phrases })
  }
  return topics
}

function zipfPicker(words: readonly string[], random: () => number): () => string {
  const cumulative: number[] = []
  let total = 0
  for (let i = 0; i < words.length; i++) cumulative.push((total += 1 / (i + 1)))
  return () => {
    const target = random() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < target) lo = mid + 1
      else hi = mid
    }
    return words[lo]!
  }
}

export const FIRST_DAY = 19_700 // 2023-12-09

/** Papers shuffled across topics, one a few hours apart, so recency and topic are unrelated. */
export function labelledLibrary(shape: LibraryShape): LabelledPaper[] {
  const random = seededRandom(shape.seed * 104_729 + shape.topics)
  const taken = new Set<string>()
  const background = zipfPicker(inventWords(3000, random, taken), random)
  const names = inventWords(400, random, taken).map((w) => w[0]!.toUpperCase() + w.slice(1))
  const topics = topicsFor(shape, random, taken)
  const field = zipfPicker(inventWords(200, random, taken), random)
  const topicShare = shape.topicShare ?? 0.04
  const noiseShare = shape.noiseShare ?? 0.06
  const fieldShare = shape.fieldShare ?? 0.25
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

  const words = (topic: Topic, count: number, share: number): string => {
    const out: string[] = []
    while (out.length < count) {
      const roll = random()
      if (roll < share) {
        if (random() < 0.3) out.push(...pick(topic.phrases))
        else out.push(pick(topic.words))
      } else if (roll < share + noiseShare) out.push(pick(pick(topics).words))
      else if (roll < share + noiseShare + fieldShare) out.push(field())
      else out.push(background())
      if (random() < 0.08) out[out.length - 1] += random() < 0.5 ? ',' : '.'
    }
    return out.join(' ')
  }

  const papers: Omit<LabelledPaper, 'id' | 'day'>[] = []
  for (let t = 0; t < shape.topics; t++) {
    const topic = topics[t]!
    for (let i = 0; i < shape.papersPerTopic; i++) {
      papers.push({
        topic: t,
        title: words(topic, 6 + Math.floor(random() * 5), 0.15),
        abstract: words(topic, 110 + Math.floor(random() * 80), topicShare),
        authors: [`${pick(names)} ${pick(names)}`, `${pick(names)} ${pick(names)}`]
      })
    }
  }
  for (let i = papers.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[papers[i], papers[j]] = [papers[j]!, papers[i]!]
  }
  return papers.map((paper, i) => ({ ...paper, id: i + 1, day: FIRST_DAY + Math.floor(i / 200) }))
}

export function paperText(paper: Pick<LabelledPaper, 'title' | 'abstract' | 'authors'>): string {
  return `${paper.title}. ${paper.abstract}. ${paper.authors.join(', ')}`
}
