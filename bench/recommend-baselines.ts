// The two baselines the recommender is measured against, written for the bench from the
// published recipes: a word-and-pair TF-IDF vocabulary (sublinear tf, smoothed idf, l2 norm,
// English stop words, a minimum document frequency), then (a) cosine to the starred papers'
// centroid, (b) a linear SVM (squared hinge, C = 0.01, classes balanced, as arxiv-sanity-lite
// trains one per request) with the starred papers positive and every other paper negative.

const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here hers
him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our out
over own same she should so some such than that the their them then there these they this those through to too under
until up us very was we were what when where which while who whom why will with would you your`.split(/\s+/)
)

export interface SparseVector {
  terms: Int32Array
  weights: Float64Array
}

export interface Vectorized {
  vectors: SparseVector[]
  features: number
}

function tokens(text: string): string[] {
  return (text.toLowerCase().match(/\b[a-z_][a-z0-9_]+\b/g) ?? []).filter((word) => !STOP.has(word))
}

/** Word and word-pair TF-IDF vectors of every text (min_df 2, max_df 0.5). */
export function vectorize(texts: readonly string[]): Vectorized {
  const counted = texts.map((text) => {
    const words = tokens(text)
    const counts = new Map<string, number>()
    for (let i = 0; i < words.length; i++) {
      counts.set(words[i]!, (counts.get(words[i]!) ?? 0) + 1)
      if (i > 0) {
        const pair = `${words[i - 1]} ${words[i]}`
        counts.set(pair, (counts.get(pair) ?? 0) + 1)
      }
    }
    return counts
  })
  const df = new Map<string, number>()
  for (const counts of counted) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1)
  const vocabulary = new Map<string, number>()
  const idf: number[] = []
  const n = texts.length
  for (const [term, count] of df) {
    if (count < 2 || count > 0.5 * n) continue
    vocabulary.set(term, idf.length)
    idf.push(Math.log((1 + n) / (1 + count)) + 1)
  }
  const vectors = counted.map((counts) => {
    const terms: number[] = []
    const weights: number[] = []
    for (const [term, count] of counts) {
      const index = vocabulary.get(term)
      if (index === undefined) continue
      terms.push(index)
      weights.push((1 + Math.log(count)) * idf[index]!)
    }
    const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0)) || 1
    return { terms: Int32Array.from(terms), weights: Float64Array.from(weights, (w) => w / norm) }
  })
  return { vectors, features: idf.length }
}

function dot(dense: Float64Array, vector: SparseVector): number {
  let sum = 0
  for (let j = 0; j < vector.terms.length; j++) sum += dense[vector.terms[j]!]! * vector.weights[j]!
  return sum
}

/** Scores of every paper: cosine to the centroid of the starred ones. */
export function centroidScores(data: Vectorized, starred: readonly number[]): Float64Array {
  const centroid = new Float64Array(data.features)
  for (const index of starred) {
    const vector = data.vectors[index]!
    for (let j = 0; j < vector.terms.length; j++) centroid[vector.terms[j]!]! += vector.weights[j]!
  }
  return Float64Array.from(data.vectors, (vector) => dot(centroid, vector))
}

/** Decision values of a linear SVM trained on every paper: starred +1, all others -1. */
export function svmScores(data: Vectorized, starred: readonly number[], cost = 0.01): Float64Array {
  const n = data.vectors.length
  const labels = new Int8Array(n).fill(-1)
  for (const index of starred) labels[index] = 1
  const positives = starred.length
  // class_weight = 'balanced': n / (2 * class size)
  const costs = Float64Array.from(labels, (y) => cost * (n / (2 * (y === 1 ? positives : n - positives))))
  const w = new Float64Array(data.features)
  let bias = 0
  const alpha = new Float64Array(n)
  const order = Array.from({ length: n }, (_, i) => i)
  let state = 12345
  const random = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296
  for (let epoch = 0; epoch < 300; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    let largest = 0
    for (const i of order) {
      const vector = data.vectors[i]!
      const y = labels[i]!
      const diagonal = 1 / (2 * costs[i]!)
      const gradient = y * (dot(w, vector) + bias) - 1 + diagonal * alpha[i]!
      const next = Math.max(alpha[i]! - gradient / (2 + diagonal), 0)
      const step = next - alpha[i]!
      if (step === 0) continue
      alpha[i] = next
      for (let j = 0; j < vector.terms.length; j++) w[vector.terms[j]!]! += step * y * vector.weights[j]!
      bias += step * y
      largest = Math.max(largest, Math.abs(step))
    }
    if (largest < 1e-5) break
  }
  return Float64Array.from(data.vectors, (vector) => dot(w, vector) + bias)
}
