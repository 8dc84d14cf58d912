// Extra benchmark cases. Each runs against the library the main benchmark built (100k papers
// plus the daily digests) and returns its own numbers, reported under `cases.<name>`.
import type { Library } from '../src/main/library/contract'
import type { PaperFactory } from './synthetic'

export interface CaseContext {
  library: Library
  /** The benchmark's temporary folder: write files here. */
  dir: string
  factory: PaperFactory
  papers: number
}

export interface BenchCase {
  name: string
  run(context: CaseContext): Record<string, unknown>
}

export const CASES: BenchCase[] = []
