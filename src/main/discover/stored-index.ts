// Loading the feature index from the library file and saving it back, a chunk at a time with
// a pause between chunks so the process keeps answering. Glue over DiscoverModelStore; the
// blobs are the typed arrays' bytes (little-endian on every platform Dogear runs on).
import type { DiscoverModelStore, StoredChunk, StoredHead } from '../library/discover-model'
import { FeatureIndex } from './feature-index'
import { chunkCount, MODEL_FORMAT, type IndexChunk, type IndexHead } from './index-state'
import { FEATURE_COUNT } from './tokenize'

/** What the engine had read of the library when it saved the index. */
export interface Seen {
  paperId: number
  digestId: number
}

/** The head's numbers as stored (its arrays are stored apart), with what the index has seen. */
type Meta = Omit<IndexHead, 'documentFrequency' | 'featureOf'> & { seen: Seen }

export interface Loaded {
  index: FeatureIndex
  seen: Seen
  version: { generation: number; revision: number }
}

/** Chunks read or written between two pauses: one chunk (about 2 MB) is a write of 0.1-0.3 s here. */
const CHUNKS_PER_TURN = 1

function bytes(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength)
}

/** A blob as a typed array (copied: a blob's bytes need not be aligned for it). */
function view<T>(blob: Buffer, make: (buffer: ArrayBuffer) => T): T {
  return make(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength) as ArrayBuffer)
}

function toStored(chunk: IndexChunk): StoredChunk {
  return {
    chunk: chunk.chunk,
    papers: bytes(chunk.papers),
    days: bytes(chunk.days),
    lengths: bytes(chunk.lengths),
    terms: bytes(chunk.terms),
    weights: bytes(chunk.weights)
  }
}

function fromStored(row: StoredChunk): IndexChunk {
  return {
    chunk: row.chunk,
    papers: view(row.papers, (b) => new Int32Array(b)),
    days: view(row.days, (b) => new Int32Array(b)),
    lengths: view(row.lengths, (b) => new Uint8Array(b)),
    terms: view(row.terms, (b) => new Uint16Array(b)),
    weights: view(row.weights, (b) => new Uint16Array(b))
  }
}

function metaOf(text: string): Meta | null {
  try {
    const meta = JSON.parse(text) as Partial<Meta>
    const numbers = [meta.documents, meta.minDf, meta.documentsAtBuild, meta.terms, meta.slots, meta.seen?.paperId]
    return numbers.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0) ? (meta as Meta) : null
  } catch {
    return null
  }
}

/** The stored index, or null when there is none this app can read (another format, a chunk missing). */
export async function loadIndex(store: DiscoverModelStore, pause: () => Promise<void>): Promise<Loaded | null> {
  const head = store.head()
  if (head === null || head.format !== MODEL_FORMAT) return null
  const meta = metaOf(head.meta)
  if (meta === null || head.documentFrequency.byteLength !== FEATURE_COUNT * 4) return null
  if (head.featureOf.byteLength !== meta.terms * 4) return null
  const index = FeatureIndex.fromHead({
    ...meta,
    documentFrequency: view(head.documentFrequency, (b) => new Uint32Array(b)),
    featureOf: view(head.featureOf, (b) => new Uint32Array(b))
  })
  const wanted = chunkCount(meta.slots)
  for (let next = 0; next < wanted;) {
    const rows = store.chunks(head.generation, next, CHUNKS_PER_TURN)
    for (const row of rows) {
      if (row.chunk !== next) return null
      try {
        index.restoreChunk(fromStored(row))
      } catch {
        return null
      }
      next++
    }
    if (rows.length === 0) return null
    await pause()
  }
  if (index.slots !== meta.slots) return null
  return { index, seen: meta.seen, version: { generation: head.generation, revision: head.revision } }
}

function headOf(index: FeatureIndex, seen: Seen, generation: number, revision: number): StoredHead {
  const head = index.head()
  const meta: Meta = {
    documents: head.documents,
    minDf: head.minDf,
    maxDf: head.maxDf,
    documentsAtBuild: head.documentsAtBuild,
    terms: head.terms,
    slots: head.slots,
    seen
  }
  return {
    format: MODEL_FORMAT,
    generation,
    revision,
    meta: JSON.stringify(meta),
    documentFrequency: bytes(head.documentFrequency),
    featureOf: bytes(head.featureOf)
  }
}

/**
 * A freshly built index under a new generation: its chunks a few at a time, then the head,
 * which makes it the one in use. Returns its version.
 */
export async function saveBuilt(
  store: DiscoverModelStore,
  index: FeatureIndex,
  seen: Seen,
  pause: () => Promise<void>
): Promise<{ generation: number; revision: number }> {
  const generation = 1 + Math.floor(Math.random() * 0x7fffffff)
  const chunks = index.takeDirty()
  const last = chunks.splice(-CHUNKS_PER_TURN)
  for (let at = 0; at < chunks.length; at += CHUNKS_PER_TURN) {
    store.writeChunks(
      generation,
      chunks.slice(at, at + CHUNKS_PER_TURN).map((c) => toStored(index.chunkAt(c)))
    )
    await pause()
  }
  store.save(
    headOf(index, seen, generation, 1),
    last.map((c) => toStored(index.chunkAt(c))),
    null
  )
  return { generation, revision: 1 }
}

/**
 * The chunks changed since the last save, and the head, in one transaction. Returns the new
 * version, or null when another process saved meanwhile (its index is left as it is).
 */
export function saveChanges(
  store: DiscoverModelStore,
  index: FeatureIndex,
  seen: Seen,
  version: { generation: number; revision: number }
): { generation: number; revision: number } | null {
  const chunks = index.takeDirty().map((c) => toStored(index.chunkAt(c)))
  const next = { generation: version.generation, revision: version.revision + 1 }
  return store.save(headOf(index, seen, next.generation, next.revision), chunks, version) ? next : null
}
