// Dogear's own export: every paper with what the reader did with it (read, starred, the note,
// tags), versioned so a later Dogear reads an older file. `dogear import` reads it back
// (src/main/import/formats/dogear-json.ts) and restores the reading state of papers that
// have none yet. Written one paper per line, so a large export is never one string.
import type { ExportMeta, ExportWriter } from './types'

/** Marks the file as Dogear's export; the importer's detection looks for it. */
export const DOGEAR_EXPORT_MARK = 'dogear-export'
export const DOGEAR_EXPORT_VERSION = 1

export function dogearJsonWriter(meta: ExportMeta): ExportWriter {
  let count = 0
  return {
    begin: () =>
      `{\n  "format": "${DOGEAR_EXPORT_MARK}",\n  "version": ${DOGEAR_EXPORT_VERSION},\n` +
      `  "exportedAt": ${JSON.stringify(meta.exportedAt)},\n  "title": ${JSON.stringify(meta.title)},\n  "papers": [`,
    // `id` is this library's own number: scripts find papers by it; an import ignores it.
    paper: (paper) => (count++ === 0 ? '\n    ' : ',\n    ') + JSON.stringify(paper),
    end: () => `${count === 0 ? '' : '\n  '}]${extraFields(meta.extra)}\n}\n`
  }
}

function extraFields(extra: Record<string, unknown> | undefined): string {
  if (!extra) return ''
  return Object.entries(extra)
    .map(([name, value]) => `,\n  ${JSON.stringify(name)}: ${JSON.stringify(value)}`)
    .join('')
}
