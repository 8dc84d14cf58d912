// The papers of one file as the import writes them: taken from the parser's batches a few at a
// time and turned into records, so a large file's papers are never all held at once. A small
// file (fewer than `CHUNKED_FROM_PAPERS`) is read to its end before anything is written and
// goes in as one transaction; a larger one is written in chunks as its batches come.
import type { ParsedPaper } from '../import/types'
import { LibraryError } from './contract'
import { toRecord, type PaperRecord } from './dedupe-merge'
import type { AbstractDeflater } from './abstract-deflater'

/** Abstracts given to the deflater at a time. */
const DEFLATE_BATCH = 200

export class RecordFeed {
  private readonly source: Iterator<readonly ParsedPaper[]>
  private buffer: PaperRecord[] = []
  private next = 0
  private ended = false
  /** Records handed out so far plus those waiting. */
  private seen = 0
  /** Deflates the abstracts of records read ahead while earlier ones are written. */
  private deflater: AbstractDeflater | null = null
  /** Records of the buffer from here on are not given to the deflater yet. */
  private givenUpTo = 0
  /** Records of the buffer before this have their stored abstract. */
  private preparedUpTo = 0
  /** The sizes of the batches given and not taken back, oldest first. */
  private readonly batches: number[] = []

  constructor(
    batches: Iterable<readonly ParsedPaper[]>,
    private readonly name: string
  ) {
    this.source = batches[Symbol.iterator]()
  }

  /** True once the parser has given its last batch. */
  get done(): boolean {
    return this.ended
  }

  /** Records read and not yet taken. */
  get waiting(): number {
    return this.buffer.length - this.next
  }

  /** From now on, the abstracts of records read are deflated by `deflater` before they are taken. */
  deflateWith(deflater: AbstractDeflater): void {
    this.deflater = deflater
    this.givenUpTo = this.preparedUpTo = this.next
    this.giveToDeflater()
  }

  /** Reads batches until `count` records wait or the file ends. Parse errors surface here. */
  fill(count: number): void {
    if (this.next > 0) {
      this.buffer = this.buffer.slice(this.next)
      this.givenUpTo = Math.max(0, this.givenUpTo - this.next)
      this.preparedUpTo = Math.max(0, this.preparedUpTo - this.next)
      this.next = 0
    }
    while (!this.ended && this.buffer.length < count) {
      const batch = this.source.next()
      if (batch.done) {
        this.ended = true
        break
      }
      for (const entry of batch.value) {
        if (entry.title.trim() === '') {
          throw new LibraryError('INVALID_ARGUMENT', `${this.name}: the paper at line ${entry.line} has no title`)
        }
        this.buffer.push(toRecord(entry))
        this.seen++
      }
    }
    this.giveToDeflater()
  }

  private giveToDeflater(): void {
    if (!this.deflater) return
    // Batches of a chunk's size or less: the first chunk waits for its own abstracts only.
    while (this.givenUpTo < this.buffer.length) {
      const fresh = this.buffer.slice(this.givenUpTo, this.givenUpTo + DEFLATE_BATCH)
      this.deflater.give(fresh.map((record) => record.abstract))
      this.batches.push(fresh.length)
      this.givenUpTo += fresh.length
    }
  }

  /** The next record, or undefined when none waits (call fill first). */
  take(): PaperRecord | undefined {
    if (this.next >= this.buffer.length) return undefined
    if (this.deflater) while (this.next >= this.preparedUpTo) this.takeBatch(this.deflater)
    return this.buffer[this.next++]
  }

  private takeBatch(deflater: AbstractDeflater): void {
    const size = this.batches.shift()
    if (size === undefined) throw new Error('a record was taken before it was given to the deflater')
    const stored = deflater.take()
    for (let i = 0; i < size; i++) {
      const record = this.buffer[this.preparedUpTo + i]!
      record.prepared = { abstract: record.abstract, stored: stored[i] ?? null }
    }
    this.preparedUpTo += size
  }

  /** Everything waiting, taken at once (a small file's whole content). */
  takeAll(): PaperRecord[] {
    const all = this.buffer.slice(this.next)
    this.buffer = []
    this.next = 0
    return all
  }

  /** How many papers the file has given so far. */
  get count(): number {
    return this.seen
  }
}
