// The papers of one file as the import writes them: taken from the parser's batches a few at a
// time and turned into records, so a large file's papers are never all held at once. A small
// file (fewer than `CHUNKED_FROM_PAPERS`) is read to its end before anything is written and
// goes in as one transaction; a larger one is written in chunks as its batches come.
import type { ParsedPaper } from '../import/types'
import { LibraryError } from './contract'
import { toRecord, type PaperRecord } from './dedupe-merge'

export class RecordFeed {
  private readonly source: Iterator<readonly ParsedPaper[]>
  private buffer: PaperRecord[] = []
  private next = 0
  private ended = false
  /** Records handed out so far plus those waiting. */
  private seen = 0

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

  /** Reads batches until `count` records wait or the file ends. Parse errors surface here. */
  fill(count: number): void {
    if (this.next > 0) {
      this.buffer = this.buffer.slice(this.next)
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
  }

  /** The next record, or undefined when none waits (call fill first). */
  take(): PaperRecord | undefined {
    return this.next < this.buffer.length ? this.buffer[this.next++] : undefined
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
