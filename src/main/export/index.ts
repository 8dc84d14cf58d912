// The exporters by format: pure writers from ExportPaper records to text. Nothing here reads
// the library or touches Electron; src/main/library/export-rows.ts feeds them, and
// ./output.ts writes what they make to a file, a folder or stdout.
import type { ExportFormat } from '../../shared/export'
import { bibtexWriter } from './bibtex'
import { cslJsonWriter } from './csl-json'
import { dogearJsonWriter } from './dogear-json'
import { markdownWriter } from './markdown'
import { risWriter } from './ris'
import type { ExportMeta, ExportPaper, ExportWriter } from './types'

export type { ExportDigest, ExportMeta, ExportPaper, ExportWriter } from './types'

export function exportWriter(format: ExportFormat, meta: ExportMeta): ExportWriter {
  switch (format) {
    case 'bibtex':
      return bibtexWriter(meta)
    case 'ris':
      return risWriter()
    case 'csl-json':
      return cslJsonWriter()
    case 'markdown':
      return markdownWriter(meta)
    case 'json':
      return dogearJsonWriter(meta)
  }
}

/** A whole export as one string: for tests and small selections. */
export function exportText(format: ExportFormat, papers: Iterable<ExportPaper>, meta: ExportMeta): string {
  const writer = exportWriter(format, meta)
  const parts = [writer.begin()]
  for (const paper of papers) parts.push(writer.paper(paper))
  parts.push(writer.end())
  return parts.join('')
}
