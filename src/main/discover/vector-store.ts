// Every paper's sparse vector in flat growable typed arrays, one after another, by slot: a
// replaced vector's slot is left dead (paper 0) and skipped. Chunks of slots are what the
// library file keeps (index-state.ts); the slots changed since the last save are tracked.
import { CHUNK_SLOTS, type IndexChunk } from './index-state'

/** Weights are kept on a 16-bit grid (in 0..1 after the l2 norm): the stored model is exact. */
export const WEIGHT_STEPS = 65_535

export class Growable {
  terms = new Uint16Array(1 << 16)
  weights = new Float32Array(1 << 16)
  used = 0

  reserve(extra: number): void {
    if (this.used + extra <= this.terms.length) return
    let size = this.terms.length
    while (size < this.used + extra) size *= 2
    const terms = new Uint16Array(size)
    terms.set(this.terms.subarray(0, this.used))
    const weights = new Float32Array(size)
    weights.set(this.weights.subarray(0, this.used))
    this.terms = terms
    this.weights = weights
  }
}

export class VectorStore {
  protected readonly store = new Growable()
  protected slotStart = new Uint32Array(1024)
  protected slotLength = new Uint8Array(1024)
  private slotPaper = new Int32Array(1024)
  private slotDay = new Int32Array(1024)
  /** Slots in use, dead ones included. */
  slots = 0
  protected readonly slotOf = new Map<number, number>()
  /** Chunks changed since the last `takeDirty`. */
  private readonly dirty = new Set<number>()

  /** Drops a paper's vector (a paper removed from the library for good). */
  remove(id: number): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.slotPaper[slot] = 0
    this.slotOf.delete(id)
    this.dirty.add(Math.floor(slot / CHUNK_SLOTS))
  }

  has(id: number): boolean {
    return this.slotOf.has(id)
  }

  slotFor(id: number): number | undefined {
    return this.slotOf.get(id)
  }

  paperAt(slot: number): number {
    return this.slotPaper[slot]!
  }

  dayAt(slot: number): number {
    return this.slotDay[slot]!
  }

  /** Terms and weights of one slot, as views (valid until the next write). */
  vector(slot: number): { terms: Uint16Array; weights: Float32Array } {
    const start = this.slotStart[slot]!
    const end = start + this.slotLength[slot]!
    return { terms: this.store.terms.subarray(start, end), weights: this.store.weights.subarray(start, end) }
  }

  /** `dense · x` for every slot into `out` (dead slots get -Infinity). */
  scoreAll(dense: Float32Array, bias: number, out: Float64Array): void {
    const { terms, weights } = this.store
    for (let slot = 0; slot < this.slots; slot++) {
      if (this.slotPaper[slot] === 0) {
        out[slot] = -Infinity
        continue
      }
      let sum = bias
      const end = this.slotStart[slot]! + this.slotLength[slot]!
      for (let j = this.slotStart[slot]!; j < end; j++) sum += dense[terms[j]!]! * weights[j]!
      out[slot] = sum
    }
  }

  /** Adds `scale * x(slot)` into `dense`. */
  addInto(dense: Float32Array | Float64Array, slot: number, scale: number): void {
    const { terms, weights } = this.store
    const end = this.slotStart[slot]! + this.slotLength[slot]!
    for (let j = this.slotStart[slot]!; j < end; j++) dense[terms[j]!]! += scale * weights[j]!
  }

  /** `dense · x(slot)`. */
  dot(dense: Float32Array | Float64Array, slot: number): number {
    const { terms, weights } = this.store
    let sum = 0
    const end = this.slotStart[slot]! + this.slotLength[slot]!
    for (let j = this.slotStart[slot]!; j < end; j++) sum += dense[terms[j]!]! * weights[j]!
    return sum
  }

  /** One chunk of slots as stored (copies). */
  chunkAt(chunk: number): IndexChunk {
    const first = chunk * CHUNK_SLOTS
    const end = Math.min(this.slots, first + CHUNK_SLOTS)
    const from = this.slotStart[first] ?? 0
    const to = end > first ? this.slotStart[end - 1]! + this.slotLength[end - 1]! : from
    return {
      chunk,
      papers: this.slotPaper.slice(first, end),
      days: this.slotDay.slice(first, end),
      lengths: this.slotLength.slice(first, end),
      terms: this.store.terms.slice(from, to),
      weights: onGrid(this.store.weights.subarray(from, to))
    }
  }

  /** The chunks changed since the last call, in order, and forgets them. */
  takeDirty(): number[] {
    const chunks = [...this.dirty].sort((a, b) => a - b)
    this.dirty.clear()
    return chunks
  }

  /** Appends a stored chunk's slots (chunks come in order, each full but the last). */
  restoreChunk(chunk: IndexChunk): void {
    const count = chunk.papers.length
    if (this.slots !== chunk.chunk * CHUNK_SLOTS) throw new Error(`stored index: chunk ${chunk.chunk} out of order`)
    this.store.reserve(chunk.terms.length)
    const at = this.store.used
    this.store.terms.set(chunk.terms, at)
    const weights = this.store.weights
    for (let j = 0; j < chunk.weights.length; j++) weights[at + j] = chunk.weights[j]! / WEIGHT_STEPS
    let start = at
    for (let i = 0; i < count; i++) {
      const slot = this.newSlot({ id: chunk.papers[i]!, day: chunk.days[i]! })
      if (chunk.papers[i] === 0) this.slotOf.delete(0)
      this.slotStart[slot] = start
      this.slotLength[slot] = chunk.lengths[i]!
      start += chunk.lengths[i]!
    }
    if (start !== at + chunk.terms.length) throw new Error(`stored index: chunk ${chunk.chunk} is inconsistent`)
    this.store.used = start
    this.dirty.clear()
  }

  protected newSlot(paper: { id: number; day: number }): number {
    const old = this.slotOf.get(paper.id)
    if (old !== undefined) {
      this.slotPaper[old] = 0
      this.dirty.add(Math.floor(old / CHUNK_SLOTS))
    }
    if (this.slots === this.slotStart.length) {
      const size = this.slots * 2
      this.slotStart = grow(this.slotStart, new Uint32Array(size))
      this.slotLength = grow(this.slotLength, new Uint8Array(size))
      this.slotPaper = grow(this.slotPaper, new Int32Array(size))
      this.slotDay = grow(this.slotDay, new Int32Array(size))
    }
    const slot = this.slots++
    this.dirty.add(Math.floor(slot / CHUNK_SLOTS))
    this.slotPaper[slot] = paper.id
    this.slotDay[slot] = paper.day
    this.slotOf.set(paper.id, slot)
    return slot
  }

  protected slotBytes(): number {
    return (
      this.store.terms.byteLength +
      this.store.weights.byteLength +
      this.slotStart.byteLength * 3 +
      this.slotLength.byteLength +
      this.slotOf.size * 40
    )
  }
}

/** Weights as their steps on the 16-bit grid (a plain loop: `Uint16Array.from` with a map is far slower). */
function onGrid(weights: Float32Array): Uint16Array {
  const steps = new Uint16Array(weights.length)
  for (let j = 0; j < weights.length; j++) steps[j] = Math.round(weights[j]! * WEIGHT_STEPS)
  return steps
}

function grow<T extends Uint32Array | Uint8Array | Int32Array>(old: T, bigger: T): T {
  bigger.set(old)
  return bigger
}
