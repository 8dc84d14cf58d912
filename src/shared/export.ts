// The export formats, shared by the command line, main and the renderer (plain data).
import type { PaperFilter } from './filters'

export const EXPORT_FORMATS = ['bibtex', 'ris', 'csl-json', 'markdown', 'json'] as const

export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportFormatInfo {
  label: string
  /** The file name ending a saved export gets (the first one is suggested). */
  extensions: readonly string[]
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  bibtex: { label: 'BibTeX', extensions: ['.bib', '.bibtex'] },
  ris: { label: 'RIS', extensions: ['.ris'] },
  'csl-json': { label: 'CSL-JSON (Zotero, pandoc)', extensions: ['.csl.json', '.csljson', '.json'] },
  markdown: { label: 'Markdown', extensions: ['.md', '.markdown'] },
  json: { label: 'Dogear JSON (with reading state)', extensions: ['.dogear.json'] }
}

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name)
}

/** The format a chosen file name asks for, longest ending first (`.dogear.json` before `.json`). */
export function exportFormatOfFileName(fileName: string): ExportFormat | null {
  const lower = fileName.toLowerCase()
  let best: { format: ExportFormat; length: number } | null = null
  for (const format of EXPORT_FORMATS) {
    for (const extension of EXPORT_FORMAT_INFO[format].extensions) {
      if (lower.endsWith(extension) && extension.length > (best?.length ?? 0))
        best = { format, length: extension.length }
    }
  }
  return best?.format ?? null
}

/**
 * Which papers to export: these ids (in this order), or a list's filter with an optional search
 * query (`also`: more filters every paper must pass, as `--starred --tag NAME` asks).
 */
export type ExportSelection = { ids: number[] } | { filter: PaperFilter; also?: PaperFilter[]; query?: string }

/**
 * What the app asks main to export; without a format, the file name chosen in the save dialog
 * decides. `except`: papers of a list left out (a whole list picked, some taken back out);
 * main resolves those to ids before exporting (src/main/bulk.ts).
 */
export type ExportRequest = ExportSelection & { format?: ExportFormat; except?: number[] }

export interface ExportDone {
  path: string
  format: ExportFormat
  papers: number
}
