// Parses as streams of batches: a parser yields papers one at a time, the batches bound how
// many are held before the library writes them, and the whole-file parse is the same stream
// read to its end (so both ways give the same papers, warnings and digest).
import { ImportError } from './types'
import type { DigestMeta, ParsedPaper, ParseResult, ParseStream, ParseWarning } from './types'

/** Papers per batch: enough that writing is not slowed, few enough that memory stays flat. */
export const STREAM_BATCH = 500

/** Groups papers into batches of at most `size`. */
export function* batched(papers: Iterable<ParsedPaper>, size = STREAM_BATCH): Generator<ParsedPaper[]> {
  let batch: ParsedPaper[] = []
  for (const paper of papers) {
    batch.push(paper)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/**
 * A stream over a generator of papers; `finish` gives the digest and warnings once the
 * generator has run out (a digest dated by its papers is only known then).
 */
export function paperStream(
  papers: Iterable<ParsedPaper>,
  finish: () => { digest: DigestMeta; warnings: ParseWarning[] },
  noPapers: string
): ParseStream {
  return { batches: batched(papers), result: finish, noPapers }
}

/**
 * Reads a stream to its end: the parse as one result. Throws NO_PAPERS for a file without
 * papers, unless `allowEmpty` (a parser whose whole parse has always answered "none").
 */
export function collectStream(stream: ParseStream, fileName: string, allowEmpty = false): ParseResult {
  const entries: ParsedPaper[] = []
  for (const batch of stream.batches) for (const paper of batch) entries.push(paper)
  if (entries.length === 0 && !allowEmpty) throw new ImportError('NO_PAPERS', fileName, stream.noPapers, null)
  return { ...stream.result(), entries }
}
