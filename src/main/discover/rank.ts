// Pure: "more like what I starred". A linear model learns the starred papers (positives)
// against the papers read and passed over and the dismissed ones (firm negatives) and a sample
// of the unread rest (weak negatives: most unread papers are not wanted, some are), then scores
// every unread, unstarred paper. Newer papers win near ties.
import { TERM_SLOTS, type FeatureIndex } from './feature-index'
import { kthLargest } from './select'
import { trainLinear, type Example, type LinearModel } from './linear-model'

export const MIN_STARS = 3

export interface Labels {
  starred: readonly number[]
  /** Every read paper, starred or not. */
  read: readonly number[]
  dismissed: readonly number[]
  /** Papers never to suggest nor train on (in the trash). */
  hidden: readonly number[]
}

export interface RankSettings {
  positiveCost: number
  passedCost: number
  unlabelledCost: number
  /** Unread papers sampled as weak negatives: bounds training time at any library size. */
  unlabelledSample: number
  /** Weight of the cosine to the starred papers' centroid, added to the model's score. */
  centroidWeight: number
  /** Score a paper gains from being the newest instead of the oldest: what "near tie" means. */
  recency: number
  /** The least an odd star (one unlike the other starred papers) counts, against 1 for a typical one. */
  oddStarFloor: number
}

/**
 * Measured on the bench's labelled libraries (bench/recommend-quality.ts). A read paper counts
 * three times an unread one: more, and the papers it resembles are pushed down so far that the
 * stars' odd ones (off the subject) come up instead; less, and a read says nothing.
 */
export const RANK_SETTINGS: RankSettings = {
  positiveCost: 1,
  passedCost: 0.03,
  unlabelledCost: 0.01,
  unlabelledSample: 4000,
  centroidWeight: 2,
  recency: 0.02,
  oddStarFloor: 0.2
}

export interface Ranking {
  /** How many papers are ranked. */
  total: number
  /** The first `count` ranked paper ids, best first (a page needs no sort of the whole list). */
  top(count: number): number[]
  /** Score of each paper id (every live paper, not only the ranked ones). */
  scoreOf(id: number): number | undefined
  model: LinearModel
}

function slotsOf(index: FeatureIndex, ids: readonly number[]): number[] {
  const slots: number[] = []
  for (const id of ids) {
    const slot = index.slotFor(id)
    if (slot !== undefined) slots.push(slot)
  }
  return slots
}

/**
 * How much each star counts (floor..1): a starred paper unlike the other starred ones (an odd
 * star among many on one subject) counts less than one in their midst. Its cosine to the other
 * stars' centroid, over the median of those cosines, capped at 1.
 */
export function starWeights(
  index: FeatureIndex,
  positives: readonly number[],
  dense: Float64Array,
  floor: number
): Float64Array {
  const n = positives.length
  const weights = new Float64Array(n).fill(1)
  if (n < 4) return weights
  for (const slot of positives) index.addInto(dense, slot, 1)
  const similarity = positives.map((slot) => index.dot(dense, slot) - 1)
  for (const slot of positives) for (const term of index.vector(slot).terms) dense[term] = 0
  const median = [...similarity].sort((a, b) => a - b)[Math.floor(n / 2)]!
  if (median <= 0) return weights
  for (let i = 0; i < n; i++) weights[i] = Math.min(1, Math.max(floor, similarity[i]! / median))
  return weights
}

export interface Scratch {
  weights: Float64Array
  /**
   * The vector every paper is scored against, in single precision: scoring reads it once per
   * term of every paper, and at half the size it stays in the core's cache.
   */
  query: Float32Array
  scores: Float64Array
  /** The last training's duals, to start the next one from (see TrainOptions.warm). */
  duals: Map<number, number> | null
}

export function newScratch(): Scratch {
  return {
    weights: new Float64Array(TERM_SLOTS),
    query: new Float32Array(TERM_SLOTS),
    scores: new Float64Array(0),
    duals: null
  }
}

/** A 32-bit mix of a slot number, the same in every ranking. */
function slotHash(slot: number): number {
  let h = Math.imul(slot ^ 0x9e3779b9, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * About `size` of the candidates, chosen by a hash of their slot: a star or a read more leaves
 * the sample as it was, so the last training's duals still fit it.
 */
function stableSample(candidates: readonly number[], size: number): number[] {
  if (candidates.length <= size) return [...candidates]
  const below = (size / candidates.length) * 4294967296
  return candidates.filter((slot) => slotHash(slot) < below)
}

/** Scores every live slot with the model trained on the labels; null with fewer than MIN_STARS stars. */
export function rankByStars(
  index: FeatureIndex,
  labels: Labels,
  scratch: Scratch = newScratch(),
  settings: RankSettings = RANK_SETTINGS
): Ranking | null {
  const starredSet = new Set(labels.starred)
  const positives = slotsOf(
    index,
    labels.starred.filter((id) => !labels.hidden.includes(id))
  )
  if (positives.length < MIN_STARS) return null
  const excluded = new Set<number>([...labels.starred, ...labels.read, ...labels.dismissed, ...labels.hidden])
  const negatives = slotsOf(index, [
    ...labels.read.filter((id) => !starredSet.has(id)),
    ...labels.dismissed.filter((id) => !starredSet.has(id))
  ])
  const candidates: number[] = []
  for (let slot = 0; slot < index.slots; slot++) {
    const id = index.paperAt(slot)
    if (id !== 0 && !excluded.has(id)) candidates.push(slot)
  }
  // The buffer still holds the last model's weights; starWeights needs it zeroed.
  scratch.weights.fill(0)
  const starWeight = starWeights(index, positives, scratch.weights, settings.oddStarFloor)
  const unlabelled = stableSample(candidates, settings.unlabelledSample)
  const examples: Example[] = [
    ...positives.map((slot, i): Example => ({ slot, label: 1, cost: settings.positiveCost * starWeight[i]! })),
    ...negatives.map((slot): Example => ({ slot, label: -1, cost: settings.passedCost })),
    ...unlabelled.map((slot): Example => ({
      slot,
      label: -1,
      cost: settings.unlabelledCost
    }))
  ]
  const model = trainLinear(index, examples, { buffer: scratch.weights, warm: scratch.duals ?? undefined })
  scratch.duals = model.duals
  if (settings.centroidWeight !== 0) {
    positives.forEach((slot, i) =>
      index.addInto(model.weights, slot, (settings.centroidWeight * starWeight[i]!) / positives.length)
    )
  }
  if (scratch.scores.length < index.slots) scratch.scores = new Float64Array(index.slots * 2)
  const scores = scratch.scores
  scratch.query.set(model.weights)
  index.scoreAll(scratch.query, model.bias, scores)
  return {
    total: candidates.length,
    top: orderCandidates(index, candidates, scores, settings.recency),
    scoreOf: scoreReader(index, scores),
    model
  }
}

function scoreReader(index: FeatureIndex, scores: Float64Array): (id: number) => number | undefined {
  return (id) => {
    const slot = index.slotFor(id)
    return slot === undefined ? undefined : scores[slot]
  }
}

/** Below this many, the first papers come from a selection; past it the whole list is sorted once. */
const SELECT_UP_TO = 2000

/**
 * Best first; the recency bonus decides between scores closer than `recency`. Returns a reader
 * of the first n: the n-th best key is found by quickselect, only the keys above it are sorted.
 */
function orderCandidates(
  index: FeatureIndex,
  candidates: readonly number[],
  scores: Float64Array,
  recency: number
): (count: number) => number[] {
  let first = Infinity
  let last = -Infinity
  for (const slot of candidates) {
    first = Math.min(first, index.dayAt(slot))
    last = Math.max(last, index.dayAt(slot))
  }
  const span = last > first ? last - first : 1
  const keys = new Float64Array(candidates.length)
  for (let i = 0; i < candidates.length; i++) {
    const slot = candidates[i]!
    keys[i] = scores[slot]! + (recency * (index.dayAt(slot) - first)) / span
  }
  const better = (a: number, b: number): number =>
    keys[b]! - keys[a]! || index.paperAt(candidates[b]!) - index.paperAt(candidates[a]!)
  let sorted: Uint32Array | null = null
  return (count) => {
    const n = Math.min(count, candidates.length)
    if (n <= 0) return []
    let order: Uint32Array
    if (sorted === null && n <= SELECT_UP_TO) {
      const threshold = kthLargest(keys, keys.length, n - 1, new Float64Array(keys.length))
      const above: number[] = []
      for (let i = 0; i < keys.length; i++) if (keys[i]! >= threshold) above.push(i)
      order = Uint32Array.from(above).sort(better)
    } else {
      sorted ??= new Uint32Array(candidates.length).map((_, i) => i).sort(better)
      order = sorted
    }
    return Array.from(order.subarray(0, n), (i) => index.paperAt(candidates[i]!))
  }
}

/** The `limit` papers closest to one paper by cosine, closest first, with their similarity. */
export function relatedTo(
  index: FeatureIndex,
  id: number,
  limit: number,
  hidden: ReadonlySet<number>,
  scratch: Scratch = newScratch()
): { id: number; similarity: number }[] {
  const slot = index.slotFor(id)
  if (slot === undefined) return []
  // The query is all zeros between calls: only this paper's terms are set, then cleared.
  const { terms, weights } = index.vector(slot)
  const query = scratch.query
  for (let j = 0; j < terms.length; j++) query[terms[j]!] = weights[j]!
  if (scratch.scores.length < index.slots) scratch.scores = new Float64Array(index.slots * 2)
  const scores = scratch.scores
  index.scoreAll(query, 0, scores)
  for (let j = 0; j < terms.length; j++) query[terms[j]!] = 0
  const best: { id: number; similarity: number }[] = []
  for (let other = 0; other < index.slots; other++) {
    const similarity = scores[other]!
    if (!(similarity > 0) || other === slot) continue
    if (best.length === limit && similarity <= best[limit - 1]!.similarity) continue
    const otherId = index.paperAt(other)
    if (hidden.has(otherId)) continue
    best.push({ id: otherId, similarity })
    best.sort((a, b) => b.similarity - a.similarity)
    if (best.length > limit) best.pop()
  }
  return best
}
