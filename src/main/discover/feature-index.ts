// Pure: every paper's TF-IDF vector (sublinear tf, smoothed idf, l2 norm) over hashed word and
// word-pair features (the vectors themselves live in VectorStore). Each vector keeps its
// strongest MAX_TERMS features (a feature no other paper has cannot relate two papers and is
// dropped): about 0.5 kB per paper. Papers are added and replaced one by one.
//
// Like a vocabulary capped at its most frequent terms, only the `vocabularySize` features found
// in the most papers count (and never one found in more than half): with hashing there is no
// word list to cap, so a document-frequency floor does it. Without the cap, the rarest pairs of
// words (the highest idf) crowd out the words topics share, and more so in a small library,
// where the cap is smaller (two features per paper).
import type { IndexHead } from './index-state'
import { kthLargest } from './select'
import { countFeatures, FEATURE_COUNT, touchedCapacity } from './tokenize'
import { VectorStore, WEIGHT_STEPS } from './vector-store'

export const MAX_TERMS = 128
export const VOCABULARY = 30_000
const MIN_VOCABULARY = 2_000

export function vocabularySize(documents: number): number {
  return Math.min(VOCABULARY, Math.max(MIN_VOCABULARY, 2 * documents))
}
/**
 * Kept features are renumbered densely (at most 65,536, room for the vocabulary and the new
 * features later papers bring): a model or query vector over them is 512 kB and stays in cache.
 */
export const TERM_SLOTS = 1 << 16

const SUBLINEAR = Float64Array.from({ length: 64 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)))

export interface PaperText {
  id: number
  text: string
  /** Days since 1970-01-01 of the paper's date (published, else first digest). */
  day: number
}

export class FeatureIndex extends VectorStore {
  /** In how many papers each feature occurs (all features, before pruning). */
  readonly documentFrequency = new Uint32Array(FEATURE_COUNT)
  documents = 0
  /** The document-frequency floor and ceiling of the features that count (set by `finishCounting`). */
  minDf = 2
  maxDf = Infinity
  /** Papers counted when the floor was set: a library grown far past it deserves a rebuild. */
  documentsAtBuild = 0
  /**
   * Per feature, side by side: its count in the paper being read (at 2f) and its dense term
   * number + 1 (at 2f + 1; 0: none yet). A build reads both for every feature of every paper:
   * one cache line instead of two tables' (the term table alone is 2 MB).
   */
  private readonly cells = new Uint16Array(FEATURE_COUNT * 2)
  /** The hashed feature of each dense term number. */
  private readonly featureOf = new Uint32Array(TERM_SLOTS)
  terms = 0
  /**
   * While a build writes vectors (between `finishCounting` and `finishBuild`): the idf of each
   * vocabulary term, from the first pass's counts, and the papers written.
   */
  private buildIdf: Float32Array | null = null
  private builtDocuments = 0
  private touched = new Int32Array(4096)
  private termScratch = new Int32Array(4096)
  private weightScratch = new Float64Array(4096)
  private selectScratch = new Float64Array(4096)

  /** First pass of a bulk build: counts the papers' features (or a sample of them) without keeping vectors. */
  countDocuments(papers: readonly PaperText[]): void {
    for (const paper of papers) this.countOne(paper.text)
  }

  /**
   * Between the two passes: the floor that keeps the `vocabularySize` most frequent features, each
   * given its term number and idf up front.
   */
  finishCounting(): void {
    const histogram = new Uint32Array(this.documents + 2)
    for (let feature = 0; feature < FEATURE_COUNT; feature++) histogram[this.documentFrequency[feature]!]!++
    this.maxDf = this.documents >= 20 ? Math.floor(this.documents / 2) : Infinity
    const vocabulary = vocabularySize(this.documents)
    let kept = 0
    let floor = Math.min(this.maxDf, this.documents + 1)
    while (floor > 2 && kept + histogram[floor - 1]! <= vocabulary) kept += histogram[--floor]!
    this.minDf = Math.max(2, floor)
    this.documentsAtBuild = this.documents
    const idf = new Float32Array(TERM_SLOTS)
    const idfBase = Math.log(1 + this.documents) + 1
    for (let feature = 0; feature < FEATURE_COUNT; feature++) {
      const df = this.documentFrequency[feature]!
      if (df < this.minDf || df > this.maxDf) continue
      const term = this.termFor(feature)
      if (term !== -1) idf[term] = idfBase - Math.log(1 + df)
    }
    this.buildIdf = idf
    this.builtDocuments = 0
  }

  /**
   * Second pass of a bulk build: the vectors, weighted with the counts of the first pass (which
   * may have read a sample: every n-th paper estimates the frequencies of all).
   */
  addCounted(papers: readonly PaperText[]): void {
    for (const paper of papers) {
      this.putVector(paper)
      this.builtDocuments++
    }
  }

  /**
   * After the second pass: the sampled counts scaled to the whole library, so papers added
   * later are weighed like the rest.
   */
  finishBuild(): void {
    if (this.buildIdf === null) return
    this.buildIdf = null
    const scale = this.documents > 0 ? this.builtDocuments / this.documents : 1
    if (scale !== 1) {
      for (let feature = 0; feature < FEATURE_COUNT; feature++) {
        const df = this.documentFrequency[feature]!
        if (df !== 0) this.documentFrequency[feature] = Math.round(df * scale)
      }
      this.minDf = Math.max(2, Math.round(this.minDf * scale))
      this.maxDf = Number.isFinite(this.maxDf) ? Math.round(this.maxDf * scale) : Infinity
    }
    this.documents = this.builtDocuments
    this.documentsAtBuild = this.documents
  }

  /** The hashed feature of a dense term number. */
  featureAt(term: number): number {
    return this.featureOf[term]!
  }

  /** A paper added or changed after the build: new papers also update the feature counts. */
  upsert(paper: PaperText): void {
    if (!this.slotOf.has(paper.id)) this.countOne(paper.text)
    this.putVector(paper)
  }

  /** Bytes held by the vectors and tables (the typed arrays; the id map is estimated). */
  bytes(): number {
    return this.documentFrequency.byteLength + this.cells.byteLength + this.featureOf.byteLength + this.slotBytes()
  }

  /** The counts and the term table, as stored (see index-state.ts). */
  head(): IndexHead {
    return {
      documents: this.documents,
      minDf: this.minDf,
      maxDf: Number.isFinite(this.maxDf) ? this.maxDf : null,
      documentsAtBuild: this.documentsAtBuild,
      terms: this.terms,
      slots: this.slots,
      documentFrequency: this.documentFrequency,
      featureOf: this.featureOf.subarray(0, this.terms)
    }
  }

  /** A stored index: its head, then every chunk in order (`restoreChunk`). */
  static fromHead(head: IndexHead): FeatureIndex {
    const index = new FeatureIndex()
    index.documentFrequency.set(head.documentFrequency)
    index.documents = head.documents
    index.minDf = head.minDf
    index.maxDf = head.maxDf ?? Infinity
    index.documentsAtBuild = head.documentsAtBuild
    index.terms = head.terms
    index.featureOf.set(head.featureOf)
    for (let term = 0; term < head.terms; term++) index.cells[head.featureOf[term]! * 2 + 1] = term + 1
    return index
  }

  idf(feature: number): number {
    return Math.log((1 + this.documents) / (1 + this.documentFrequency[feature]!)) + 1
  }

  private countOne(text: string): void {
    const n = this.gather(text)
    const touched = this.touched
    for (let i = 0; i < n; i++) {
      const feature = touched[i]!
      this.documentFrequency[feature]!++
      this.cells[feature * 2] = 0
    }
    this.documents++
  }

  /** Counts `text`'s features into `counts`; returns how many are in `touched`. */
  private gather(text: string): number {
    const capacity = touchedCapacity(text)
    if (capacity > this.touched.length) this.touched = new Int32Array(capacity * 2)
    return countFeatures(text, this.cells, this.touched, 2)
  }

  /**
   * The TF-IDF weight of each touched feature into `weightScratch` (0: not kept) and its term
   * into `termScratch` (-1: none yet); returns how many have a weight.
   */
  private weigh(n: number): number {
    const touched = this.touched
    if (n > this.weightScratch.length) {
      this.weightScratch = new Float64Array(n * 2)
      this.selectScratch = new Float64Array(n * 2)
      this.termScratch = new Int32Array(n * 2)
    }
    const weights = this.weightScratch
    const terms = this.termScratch
    const buildIdf = this.buildIdf
    // idf = ln((1 + N) / (1 + df)) + 1, with the N part computed once per paper.
    const idfBase = Math.log(1 + this.documents) + 1
    let kept = 0
    for (let i = 0; i < n; i++) {
      const feature = touched[i]!
      const tf = this.cells[feature * 2]!
      this.cells[feature * 2] = 0
      // Most counts are small: their sublinear tf comes from a table instead of Math.log.
      const sublinear = tf < SUBLINEAR.length ? SUBLINEAR[tf]! : 1 + Math.log(tf)
      const term = this.cells[feature * 2 + 1]! - 1
      terms[i] = term
      let idf = 0
      if (buildIdf !== null) {
        // During a build every vocabulary feature already has its term.
        if (term !== -1) idf = buildIdf[term]!
      } else {
        // A feature only this paper has cannot make it resemble another one.
        const df = this.documentFrequency[feature]!
        if (df >= this.minDf && df <= this.maxDf) idf = idfBase - Math.log(1 + df)
      }
      const weight = sublinear * idf
      weights[i] = weight
      if (weight > 0) kept++
    }
    return kept
  }

  private putVector(paper: PaperText): void {
    const n = this.gather(paper.text)
    const kept = this.weigh(n)
    const weights = this.weightScratch
    const terms = this.termScratch
    const threshold = kept > MAX_TERMS ? kthLargest(weights, n, MAX_TERMS - 1, this.selectScratch) : 0
    const slot = this.newSlot(paper)
    this.store.reserve(MAX_TERMS)
    const start = this.store.used
    const storeTerms = this.store.terms
    const storeWeights = this.store.weights
    let at = start
    let norm = 0
    for (let i = 0; i < n && at - start < MAX_TERMS; i++) {
      const weight = weights[i]!
      if (weight <= 0 || weight < threshold) continue
      const term = terms[i] === -1 ? this.termFor(this.touched[i]!) : terms[i]!
      if (term === -1) continue
      storeTerms[at] = term
      storeWeights[at] = weight
      norm += weight * weight
      at++
    }
    const scale = norm > 0 ? WEIGHT_STEPS / Math.sqrt(norm) : 0
    for (let j = start; j < at; j++) storeWeights[j] = Math.round(storeWeights[j]! * scale) / WEIGHT_STEPS
    this.slotStart[slot] = start
    this.slotLength[slot] = at - start
    this.store.used = at
  }

  /** The term of a feature, numbered on first use (-1 once every term slot is taken). */
  private termFor(feature: number): number {
    const known = this.cells[feature * 2 + 1]!
    if (known !== 0) return known - 1
    if (this.terms >= TERM_SLOTS - 1) return -1
    const term = this.terms++
    this.cells[feature * 2 + 1] = term + 1
    this.featureOf[term] = feature
    return term
  }
}
