// One file in, one report out: size check, read, hash, decode, detect, parse, then one
// library transaction. A bad file never throws: it becomes `{ ok: false }` naming the file
// and the problem, and the library is left as it was.
import { createHash } from 'node:crypto'
import { readFileSync, statSync, type Stats } from 'node:fs'
import { basename } from 'node:path'
import type { FormatInfo, ImportFileReport, ImportWarning } from '../../shared/model'
import { LibraryError, type Library } from '../library/contract'
import { isIsoDate } from '../import/dates'
import { decodeBytes, MAX_DECODED_BYTES, normalizeInputText, tooLargeToDecode } from '../import/decode'
import { detectFormat } from '../import/detect'
import { describeFormats, findParser, formatInfos } from '../import/formats'
import { ImportError } from '../import/types'
import type { DigestMeta, DigestParser, FormatName, ParsedPaper, ParseWarning } from '../import/types'
import { messageOf } from '../../shared/errors'
import { notImported } from './reports'

export interface ImportOptions {
  /** Skip detection and read the file as this format. */
  format?: FormatName
  /** YYYY-MM-DD: the digest's date, whatever the file says. */
  date?: string | null
  /** Files larger than this are refused before they are read. */
  sizeCapBytes?: number
  /** JabRef groups (Zotero collections) in BibTeX become tags; the library's setting when not given. */
  groupsAsTags?: boolean
  /**
   * Report before a large file's papers are in the search index, for the caller to index them
   * right after (Library.indexWaiting or finishImports): the import worker, the command line.
   */
  indexLater?: boolean
}

export const DEFAULT_SIZE_CAP_BYTES = 64 * 1024 * 1024

/** The formats Dogear reads, for `dogear formats` and the app's import dialog. */
export function listFormats(): FormatInfo[] {
  return formatInfos()
}

/** Imports one digest file; every failure comes back as a report naming the file. */
export function importFile(library: Library, path: string, options: ImportOptions = {}): ImportFileReport {
  return guarded(path, () => {
    checkOptions(path, options)
    const stats = statFile(path)
    const cap = options.sizeCapBytes ?? DEFAULT_SIZE_CAP_BYTES
    if (stats.size > MAX_DECODED_BYTES) throw tooLargeToDecode(path, stats.size)
    if (stats.size > cap) {
      throw new ImportError(
        'TOO_LARGE',
        path,
        `the file is ${formatBytes(stats.size)}, over the import limit of ${formatBytes(cap)}`
      )
    }
    const bytes = readBytes(path)
    const decoded = decodeBytes(bytes, path)
    return importDecoded(library, {
      label: path,
      fileName: basename(path),
      text: decoded.text,
      bytes,
      contentHash: sha256(bytes),
      modifiedAt: stats.mtime,
      options,
      warnings: decoded.warnings
    })
  })
}

/** Imports pasted text as a digest; `name` stands in for the file name in reports and detection. */
export function importText(
  library: Library,
  text: string,
  name: string,
  options: ImportOptions = {},
  now: Date = new Date()
): ImportFileReport {
  return guarded(name, () => {
    checkOptions(name, options)
    const cap = options.sizeCapBytes ?? DEFAULT_SIZE_CAP_BYTES
    const size = Buffer.byteLength(text, 'utf8')
    if (size > cap) {
      throw new ImportError(
        'TOO_LARGE',
        name,
        `the text is ${formatBytes(size)}, over the import limit of ${formatBytes(cap)}`
      )
    }
    const normalized = normalizeInputText(text, name)
    const bytes = Buffer.from(normalized, 'utf8')
    return importDecoded(library, {
      label: name,
      fileName: name,
      text: normalized,
      bytes,
      contentHash: sha256(bytes),
      modifiedAt: now,
      options,
      warnings: []
    })
  })
}

interface DecodedInput {
  /** How reports and errors name the input: the path as given, or the paste's name. */
  label: string
  fileName: string
  text: string
  /** The bytes the content hash was taken of (what the sync folder shares). */
  bytes: Uint8Array
  contentHash: string
  modifiedAt: Date
  options: ImportOptions
  warnings: ImportWarning[]
}

function importDecoded(library: Library, input: DecodedInput): ImportFileReport {
  const { label, text, options } = input
  const parser = options.format ? requireParser(label, options.format) : requireParser(label, detectFormat(text, label))
  const parsed = parser.stream ? streamParser(parser, input) : wholeParse(parser, input)
  const outcome = library.importDigest({
    digest: parsed.digest,
    entries: [],
    batches: parsed.batches,
    ...(parsed.finalDigest ? { finalDigest: parsed.finalDigest } : {}),
    format: parser.format,
    fileName: input.fileName,
    contentHash: input.contentHash,
    groupsAsTags: options.groupsAsTags ?? library.getSettings().groupsAsTags,
    ...(options.indexLater ? { indexLater: true } : {}),
    source: { bytes: input.bytes, modifiedAt: input.modifiedAt, date: options.date ?? null }
  })
  return {
    ok: true,
    file: label,
    format: parser.format,
    digestId: outcome.digestId,
    papers: outcome.papers,
    added: outcome.added,
    merged: outcome.merged,
    unchanged: outcome.unchanged,
    alreadyImported: outcome.alreadyImported,
    ...(outcome.stateApplied === undefined
      ? {}
      : { stateApplied: outcome.stateApplied, stateKept: outcome.stateKept ?? 0 }),
    warnings: [...input.warnings, ...parsed.warnings()]
  }
}

/** A parse ready for the library: its batches, the digest as known now and at the end, its warnings. */
interface ParsedForWrite {
  digest: DigestMeta
  batches: Iterable<readonly ParsedPaper[]>
  finalDigest?: () => DigestMeta
  warnings(): ParseWarning[]
}

function wholeParse(parser: DigestParser, input: DecodedInput): ParsedForWrite {
  const parsed = parseOrExplain(parser, input, () =>
    parser.parse(input.text, {
      fileName: input.fileName,
      fileModifiedAt: input.modifiedAt,
      dateOverride: input.options.date ?? null
    })
  )
  if (parsed.entries.length === 0) {
    throw new ImportError('NO_PAPERS', input.label, `no papers found in it (read as ${parser.label})`)
  }
  return { digest: parsed.digest, batches: [parsed.entries], warnings: () => parsed.warnings }
}

/**
 * The parser hands papers over in batches as it reads and the library writes them as they
 * come: a large file's papers are never all held at once. The first batch is read here, so a
 * file without papers is refused before the library is touched.
 */
function streamParser(parser: DigestParser, input: DecodedInput): ParsedForWrite {
  const context = {
    fileName: input.fileName,
    fileModifiedAt: input.modifiedAt,
    dateOverride: input.options.date ?? null
  }
  const stream = parseOrExplain(parser, input, () => parser.stream!(input.text, context))
  const iterator = stream.batches[Symbol.iterator]()
  const first = parseOrExplain(parser, input, () => iterator.next())
  if (first.done) throw new ImportError('NO_PAPERS', input.label, stream.noPapers)
  function* rest(): Generator<ParsedPaper[]> {
    yield first.value
    for (;;) {
      const next = parseOrExplain(parser, input, () => iterator.next())
      if (next.done) return
      yield next.value
    }
  }
  return {
    digest: stream.result().digest,
    batches: rest(),
    finalDigest: () => stream.result().digest,
    warnings: () => stream.result().warnings
  }
}

/** Runs a step of parsing; what it throws becomes an ImportError naming the file as the user gave it. */
function parseOrExplain<T>(parser: DigestParser, input: DecodedInput, step: () => T): T {
  try {
    return step()
  } catch (error) {
    if (error instanceof ImportError) {
      // Parsers name the file by its base name; reports name it as the user gave it.
      throw error.file === input.label ? error : new ImportError(error.code, input.label, stripFile(error), error.line)
    }
    const why = error instanceof RangeError ? 'it is nested too deeply or too large to read' : messageOf(error)
    throw new ImportError('MALFORMED', input.label, `could not be read as ${parser.label}: ${why}`)
  }
}

function requireParser(label: string, format: string): DigestParser {
  const parser = findParser(format)
  if (!parser) {
    throw new ImportError(
      'UNKNOWN_FORMAT',
      label,
      `"${format}" is not a format Dogear reads. Dogear reads: ${describeFormats()}`
    )
  }
  return parser
}

function checkOptions(label: string, options: ImportOptions): void {
  if (options.date != null && !isIsoDate(options.date)) {
    throw new OptionError(label, `the date "${options.date}" is not a calendar date written YYYY-MM-DD`)
  }
}

/** A bad option rather than a bad file; reported the same way, with its own code. */
class OptionError extends Error {
  constructor(
    readonly file: string,
    message: string
  ) {
    super(`${file}: ${message}`)
  }
}

function statFile(path: string): Stats {
  let stats: Stats
  try {
    stats = statSync(path)
  } catch (error) {
    throw fileSystemError(path, error)
  }
  if (stats.isDirectory()) throw new ImportError('UNREADABLE', path, 'this is a folder, not a file')
  if (!stats.isFile()) throw new ImportError('UNREADABLE', path, 'this is not a regular file')
  if (stats.size === 0) throw new ImportError('EMPTY', path, 'the file is empty')
  return stats
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path)
  } catch (error) {
    throw fileSystemError(path, error)
  }
}

function fileSystemError(path: string, error: unknown): ImportError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ImportError('NOT_FOUND', path, 'no such file')
  if (code === 'EACCES' || code === 'EPERM') return new ImportError('UNREADABLE', path, 'permission denied')
  if (code === 'EISDIR') return new ImportError('UNREADABLE', path, 'this is a folder, not a file')
  return new ImportError('UNREADABLE', path, `the file could not be read (${messageOf(error)})`)
}

function guarded(label: string, run: () => ImportFileReport): ImportFileReport {
  try {
    return run()
  } catch (error) {
    if (error instanceof ImportError) return notImported(label, error.code, error.message)
    if (error instanceof OptionError) return notImported(label, 'INVALID_OPTION', error.message)
    if (error instanceof LibraryError) return libraryFailure(label, error)
    return notImported(label, 'INTERNAL', `${label}: the import failed unexpectedly (${messageOf(error)})`)
  }
}

/** Storage failures keep their own codes: the reader can free disk space or wait, and try again. */
const STORAGE_FAILURES: Partial<Record<LibraryError['code'], string>> = {
  DISK_FULL: 'the disk is full: nothing was imported',
  READ_ONLY: 'the library is read-only: nothing was imported',
  BUSY: 'another program kept the library busy: nothing was imported; try again'
}

function libraryFailure(label: string, error: LibraryError): ImportFileReport {
  const storage = STORAGE_FAILURES[error.code]
  if (storage) return notImported(label, error.code, `${label}: ${storage} (${error.message})`)
  return notImported(label, `LIBRARY_${error.code}`, `${label}: ${error.message}`)
}

function stripFile(error: ImportError): string {
  const prefix = `${error.file}${error.line ? `:${error.line}` : ''}: `
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
