// Where an export goes: a file (written under a temporary name and renamed, so a failed export
// leaves no half file and never spoils one already there), a stream (stdout), or a folder of
// per-paper Markdown files. Plain Node: the command line and the app's save dialog end here.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path'
import { EXPORT_FORMAT_INFO, type ExportFormat, type ExportSelection } from '../../shared/export'
import { messageOf, type ErrorCode } from '../../shared/errors'
import type { Library } from '../library/contract'
import { exportWriter } from './index'
import { createFileNamer, perPaperMarkdown } from './per-paper'
import type { ExportMeta } from './types'

/** An export that could not be written; the message names the file or folder and the problem. */
export class ExportError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly code: Extract<ErrorCode, 'INVALID_ARGUMENT' | 'DISK_FULL' | 'READ_ONLY'> = 'INVALID_ARGUMENT'
  ) {
    super(message)
    this.name = 'ExportError'
  }
}

export interface ExportJob {
  format: ExportFormat
  selection: ExportSelection
  meta: ExportMeta
}

export interface ExportOutcome {
  format: ExportFormat
  papers: number
  /** The file or folder written; null for a stream. */
  path: string | null
  /** Per-paper files: written, and those already in the folder that were left as they were. */
  files?: { written: number; kept: number }
}

/** Text is handed to the disk in pieces of about this many characters. */
const FLUSH_AT = 1 << 20

/** Streams the export to `write` (stdout): nothing is held but the current piece. */
export function exportToStream(library: Library, job: ExportJob, write: (chunk: string) => void): ExportOutcome {
  const writer = exportWriter(job.format, job.meta)
  write(writer.begin())
  const papers = library.exportPapers(job.selection, (batch) => write(batch.map((p) => writer.paper(p)).join('')))
  write(writer.end())
  return { format: job.format, papers, path: null }
}

export function exportToFile(library: Library, job: ExportJob, path: string): ExportOutcome {
  const target = resolve(path)
  checkFileTarget(target)
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.part`)
  let fd: number
  try {
    fd = openSync(temporary, 'wx')
  } catch (error) {
    throw new ExportError(target, `cannot write ${target}: ${reason(error)}`, codeOf(error))
  }
  try {
    let pending = ''
    const flush = (): void => {
      if (pending) writeSync(fd, pending)
      pending = ''
    }
    const outcome = exportToStream(library, job, (chunk) => {
      pending += chunk
      if (pending.length >= FLUSH_AT) flush()
    })
    flush()
    closeSync(fd)
    renameSync(temporary, target)
    return { ...outcome, path: target }
  } catch (error) {
    closeQuietly(fd)
    rmSync(temporary, { force: true })
    if (error instanceof ExportError || !isSystemError(error)) throw error
    throw new ExportError(target, `cannot write ${target}: ${reason(error)}; nothing was written`, codeOf(error))
  }
}

function checkFileTarget(target: string): void {
  const folder = dirname(target)
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ExportError(target, `cannot write ${target}: the folder ${folder} does not exist`)
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new ExportError(
      target,
      `${target} is a folder; give a file name (or --per-paper to write one file per paper)`
    )
  }
}

/**
 * One Markdown file per paper in `folder` (made if missing). A file already there is never
 * replaced (it may hold the reader's own edits); it is counted as kept.
 */
export function exportToFolder(library: Library, job: Omit<ExportJob, 'format'>, folder: string): ExportOutcome {
  const root = resolve(folder)
  try {
    mkdirSync(root, { recursive: true })
  } catch (error) {
    throw new ExportError(root, `cannot make the folder ${root}: ${reason(error)}`)
  }
  if (!statSync(root).isDirectory()) throw new ExportError(root, `${root} is a file; --per-paper needs a folder`)
  const nameOf = createFileNamer()
  const files = { written: 0, kept: 0 }
  const papers = library.exportPapers(job.selection, (batch) => {
    for (const paper of batch) {
      const wrote = writeNewFile(root, nameOf(paper), perPaperMarkdown(paper))
      files[wrote ? 'written' : 'kept']++
    }
  })
  return { format: 'markdown', papers, path: root, files }
}

/** Writes `name` inside `root` unless a file of that name is there; false when it was. */
function writeNewFile(root: string, name: string, content: string): boolean {
  const path = join(root, name)
  const inside = relative(root, path)
  // The namer makes names without separators; this keeps it so whatever a title holds.
  if (inside !== name || inside.startsWith('..') || isAbsolute(inside)) {
    throw new ExportError(path, `refused to write ${path}: outside the folder ${root}`)
  }
  let fd: number
  try {
    fd = openSync(path, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw new ExportError(path, `cannot write ${path}: ${reason(error)}`, codeOf(error))
  }
  try {
    writeSync(fd, content)
  } catch (error) {
    closeQuietly(fd)
    rmSync(path, { force: true })
    throw new ExportError(path, `cannot write ${path}: ${reason(error)}`, codeOf(error))
  }
  closeSync(fd)
  return true
}

/** The suggested file name of an export: `dogear-starred.bib`. */
export function suggestedFileName(format: ExportFormat, stem: string): string {
  return `${stem}${EXPORT_FORMAT_INFO[format].extensions[0]}`
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  // Node's file errors (ENOSPC, EACCES...), not SQLite's (SQLITE_BUSY), which the library words itself.
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined
  return typeof code === 'string' && /^E[A-Z]+$/.test(code)
}

function codeOf(error: unknown): ExportError['code'] {
  const code = isSystemError(error) ? error.code : undefined
  if (code === 'ENOSPC') return 'DISK_FULL'
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'READ_ONLY'
  return 'INVALID_ARGUMENT'
}

function reason(error: unknown): string {
  const code = isSystemError(error) ? error.code : undefined
  if (code === 'ENOSPC') return 'the disk is full'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EROFS') return 'the disk is read-only'
  if (code === 'ENOENT') return 'the folder does not exist'
  return messageOf(error)
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd)
  } catch {
    // Already closed (the error came after closeSync).
  }
}
