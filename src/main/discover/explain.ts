// Pure: why a paper is suggested, in a line: the starred papers it is closest to and the
// terms it shares with them, strongest first.
import type { FeatureIndex } from './feature-index'

export interface Closeness {
  /** Starred paper ids, closest first (at most two). */
  like: number[]
  /** Shared hashed features (see tokenize.ts), strongest first. */
  features: number[]
}

const MAX_LIKE = 2
const MAX_FEATURES = 12

/**
 * Scores each starred paper by its cosine to the candidate and keeps the closest; the shared
 * features are those of the candidate that the closest starred papers also carry, by the
 * product of their weights. `dense` is a zeroed TERM_SLOTS scratch, zeroed again on return.
 */
export function closeness(index: FeatureIndex, id: number, starred: readonly number[], dense: Float64Array): Closeness {
  const slot = index.slotFor(id)
  if (slot === undefined) return { like: [], features: [] }
  index.addInto(dense, slot, 1)
  const near = starred
    .map((starredId) => {
      const starredSlot = index.slotFor(starredId)
      return {
        id: starredId,
        slot: starredSlot,
        similarity: starredSlot === undefined ? 0 : index.dot(dense, starredSlot)
      }
    })
    .filter((s) => s.similarity > 0 && s.slot !== undefined)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, MAX_LIKE)
  const shared = new Map<number, number>()
  const { terms, weights } = index.vector(slot)
  const own = new Map<number, number>()
  for (let j = 0; j < terms.length; j++) own.set(terms[j]!, weights[j]!)
  for (const starredPaper of near) {
    const vector = index.vector(starredPaper.slot!)
    for (let j = 0; j < vector.terms.length; j++) {
      const weight = own.get(vector.terms[j]!)
      if (weight !== undefined)
        shared.set(vector.terms[j]!, (shared.get(vector.terms[j]!) ?? 0) + weight * vector.weights[j]!)
    }
  }
  // Undo the additions exactly: the scratch must be all zeros for the next caller.
  for (let j = 0; j < terms.length; j++) dense[terms[j]!] = 0
  const features = [...shared.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_FEATURES)
    .map(([term]) => index.featureAt(term))
  return { like: near.map((s) => s.id), features }
}

/**
 * The words of the strongest features, without a single word a chosen pair already shows
 * ("state space" makes "space" redundant).
 */
export function sharedWords(features: readonly number[], words: ReadonlyMap<number, string>, count: number): string[] {
  const chosen: string[] = []
  for (const feature of features) {
    const word = words.get(feature)
    if (word === undefined) continue
    if (chosen.some((c) => c.split(' ').includes(word) || word.split(' ').every((part) => c.split(' ').includes(part))))
      continue
    chosen.push(word)
    if (chosen.length === count) break
  }
  return chosen
}
