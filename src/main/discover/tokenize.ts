// Pure: a paper's text as hashed features, single words and pairs of adjacent words.
// Hashing (no vocabulary table) keeps 100,000 papers' features in flat typed arrays; the
// explanation of one suggestion re-reads its few texts with `termsOf`, which also keeps the words.

/** Features live in 2^20 buckets: a few MB per dense weight vector, rare collisions among kept terms. */
export const FEATURE_BITS = 20
export const FEATURE_COUNT = 1 << FEATURE_BITS
const FEATURE_MASK = FEATURE_COUNT - 1

const STOPWORDS = `a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has have
having he her here hers him his how however i if in into is it its itself just may me might more most much must
my no nor not now of off on once only or other our ours out over own per same she should so some such than that
the their theirs them then there these they this those through thus to too under until up upon us very via was we
were what when where which while who whom why will with within without would yet you your paper propose proposed
show shows shown using use used based approach method methods new results result work also et al can our
two one three first second within across well many however present presents introduce novel`

/** FNV-1a over the lower-cased characters, the same arithmetic the scanner uses. */
function hashWord(word: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

const STOP_HASHES = new Set(STOPWORDS.split(/\s+/).filter(Boolean).map(hashWord))

function bigramFeature(first: number, second: number): number {
  return (Math.imul(first ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(second, 0xc2b2ae35) ^ 0x27d4eb2f) & FEATURE_MASK
}

function unigramFeature(hash: number): number {
  return hash & FEATURE_MASK
}

/** Lower-cased code of a word character (letters, digits, letters beyond ASCII), or -1. */
function wordCode(code: number): number {
  if (code >= 97 && code <= 122) return code
  if (code >= 65 && code <= 90) return code + 32
  if (code >= 48 && code <= 57) return code
  if (code >= 0xc0 && code !== 0xd7 && code !== 0xf7) return code
  return -1
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** Between two words, white space or a hyphen keeps a phrase going; anything else ends it. */
function joinsPhrase(code: number): boolean {
  return code === 32 || code === 45 || code === 10 || code === 9
}

interface Scan {
  onWord(feature: number, start: number, end: number): void
  onPair(feature: number, firstStart: number, end: number): void
}

/**
 * Words are runs of letters and digits, at least 2 long and not all digits; stop words are
 * dropped and break phrases, as does punctuation. Every word gives one feature, every pair
 * of adjacent kept words a second.
 */
function scan(text: string, sink: Scan): void {
  let hash = 0x811c9dc5
  let start = -1
  let letters = 0
  let previous = -1
  let previousStart = -1
  let phraseOpen = false
  const length = text.length
  for (let i = 0; i <= length; i++) {
    const raw = i < length ? text.charCodeAt(i) : 32
    const code = wordCode(raw)
    if (code !== -1) {
      if (start === -1) {
        start = i
        hash = 0x811c9dc5
        letters = 0
      }
      hash = Math.imul(hash ^ code, 0x01000193)
      if (!isDigit(code)) letters++
      continue
    }
    if (start !== -1) {
      const word = hash >>> 0
      if (i - start >= 2 && letters > 0 && !STOP_HASHES.has(word)) {
        sink.onWord(unigramFeature(word), start, i)
        if (phraseOpen && previous !== -1) sink.onPair(bigramFeature(previous, word), previousStart, i)
        previous = word
        previousStart = start
        phraseOpen = true
      } else {
        phraseOpen = false
      }
      start = -1
    }
    if (!joinsPhrase(raw)) phraseOpen = false
  }
}

/** Stop words by the low 16 bits of their hash: most words are told apart without the Set. */
const STOP_FILTER = new Uint8Array(1 << 16)
for (const hash of STOP_HASHES) STOP_FILTER[hash & 0xffff] = 1

/** Room for every feature of `text` (a word is at least 2 characters and a separator: two features per 3). */
export function touchedCapacity(text: string): number {
  return text.length + 2
}

/**
 * Counts of each feature in `text`, added into `counts` (feature f's count at `f * stride`: a
 * caller may keep its own value of f beside it, in the same cache line); the features seen first
 * are written to `touched` (at least `touchedCapacity(text)` long) and their number returned.
 * The same words and pairs as `scan`, written out in one loop: this runs over every paper of a build.
 */
export function countFeatures(text: string, counts: Uint16Array, touched: Int32Array, stride = 1): number {
  let found = 0
  let hash = 0x811c9dc5
  let start = -1
  let letters = 0
  let previous = 0
  let phraseOpen = false
  const length = text.length
  for (let i = 0; i <= length; i++) {
    const raw = i < length ? text.charCodeAt(i) : 32
    let code = raw
    if (code >= 97 && code <= 122) {
      // a lower-case letter
    } else if (code >= 65 && code <= 90) code += 32
    else if (code >= 48 && code <= 57) {
      // a digit
    } else if (code < 0xc0 || code === 0xd7 || code === 0xf7) code = -1
    if (code !== -1) {
      if (start === -1) {
        start = i
        hash = 0x811c9dc5
        letters = 0
      }
      hash = Math.imul(hash ^ code, 0x01000193)
      if (code < 48 || code > 57) letters++
      continue
    }
    if (start !== -1) {
      const word = hash >>> 0
      if (i - start >= 2 && letters > 0 && !(STOP_FILTER[word & 0xffff] === 1 && STOP_HASHES.has(word))) {
        let feature = unigramFeature(word)
        let at = feature * stride
        if (counts[at] === 0) touched[found++] = feature
        if (counts[at]! < 65535) counts[at]!++
        if (phraseOpen) {
          feature = bigramFeature(previous, word)
          at = feature * stride
          if (counts[at] === 0) touched[found++] = feature
          if (counts[at]! < 65535) counts[at]!++
        }
        previous = word
        phraseOpen = true
      } else {
        phraseOpen = false
      }
      start = -1
    }
    if (!joinsPhrase(raw)) phraseOpen = false
  }
  return found
}

/** Each feature of `text` with the words it stands for (the first spelling met), for explanations. */
export function termsOf(text: string): Map<number, string> {
  const terms = new Map<number, string>()
  const keep = (feature: number, start: number, end: number): void => {
    if (!terms.has(feature))
      terms.set(
        feature,
        text
          .slice(start, end)
          .toLowerCase()
          .replace(/[\s-]+/g, ' ')
      )
  }
  scan(text, { onWord: keep, onPair: keep })
  return terms
}
