// The feature index as plain typed arrays, for keeping it in the library file: a head (the
// counts and the term table) and the vectors in chunks of CHUNK_SLOTS slots, so a few new
// papers rewrite one chunk, not the whole index.

/**
 * What a stored index means: the tokenizer, the hashing, MAX_TERMS and the weight grid. A
 * stored index of another format (older or newer) is not read; the index is built again.
 */
export const MODEL_FORMAT = 1

export const CHUNK_SLOTS = 4096

export interface IndexHead {
  documents: number
  minDf: number
  /** null: no ceiling (a library too small for one). */
  maxDf: number | null
  documentsAtBuild: number
  terms: number
  slots: number
  /** FEATURE_COUNT long. */
  documentFrequency: Uint32Array
  /** `terms` long: the hashed feature of each dense term. */
  featureOf: Uint32Array
}

export interface IndexChunk {
  chunk: number
  /** Paper id of each slot (0: a dead slot). */
  papers: Int32Array
  days: Int32Array
  lengths: Uint8Array
  terms: Uint16Array
  /** On the 16-bit grid of WEIGHT_STEPS. */
  weights: Uint16Array
}

/** Chunks holding `slots` slots. */
export function chunkCount(slots: number): number {
  return Math.ceil(slots / CHUNK_SLOTS)
}
