// The app's export: main asks where to save (the page never names a path), then writes the
// selected papers there. Plain Node: the save dialog comes in as a function from the shell.
import {
  EXPORT_FORMAT_INFO,
  exportFormatOfFileName,
  type ExportDone,
  type ExportFormat,
  type ExportRequest,
  type ExportSelection
} from '../../shared/export'
import { FILTER_KINDS } from '../../shared/filters'
import type { PaperFilter } from '../../shared/model'
import type { Library } from '../library/contract'
import { exportToFile, suggestedFileName } from './output'

/** Shows the save dialog; the chosen path, or null when the reader cancelled. */
export type ChooseExportFile = (suggestedName: string, format: ExportFormat | undefined) => Promise<string | null>

/** When the file name says no format and the request named none. */
const DEFAULT_FORMAT: ExportFormat = 'bibtex'

export async function exportWithDialog(
  library: Library,
  request: ExportRequest,
  choose: ChooseExportFile
): Promise<ExportDone | null> {
  const { format: asked, ...selection } = request
  const stem = fileStem(selection)
  const path = await choose(suggestedFileName(asked ?? DEFAULT_FORMAT, stem), asked)
  if (path === null) return null
  const format = asked ?? exportFormatOfFileName(path) ?? DEFAULT_FORMAT
  const meta = { exportedAt: new Date().toISOString(), title: titleOf(library, selection) }
  const outcome = exportToFile(library, { format, selection, meta }, path)
  return { path: outcome.path ?? path, format, papers: outcome.papers }
}

function fileStem(selection: ExportSelection): string {
  if ('ids' in selection) return 'dogear-selection'
  if (selection.query !== undefined && selection.query.trim() !== '') return 'dogear-search'
  const kind = selection.filter.kind
  return kind === 'all' ? 'dogear-library' : `dogear-${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
}

/** The heading a Markdown export gets: "Starred", "Digest: Hugging Face Daily Papers", "3 selected papers". */
export function titleOf(library: Library, selection: ExportSelection): string {
  if ('ids' in selection) return `${selection.ids.length} selected paper${selection.ids.length === 1 ? '' : 's'}`
  const label = filterLabel(library, selection.filter)
  const query = selection.query?.trim()
  return query ? `${label}: search "${query}"` : label
}

function filterLabel(library: Library, filter: PaperFilter): string {
  if (filter.kind === 'digest') {
    const digest = library.listDigests().find((d) => d.id === filter.digestId)
    return `Digest: ${digest?.title ?? filter.digestId}`
  }
  if (filter.kind === 'tag') {
    const tag = library.tags().find((t) => t.id === filter.tagId)
    return `Tag: ${tag?.name ?? filter.tagId}`
  }
  return FILTER_KINDS[filter.kind].label
}

/** The save dialog's file types: the asked format first, then the others. */
export function saveDialogFilters(format: ExportFormat | undefined): { name: string; extensions: string[] }[] {
  const formats = Object.keys(EXPORT_FORMAT_INFO) as ExportFormat[]
  const ordered = format ? [format, ...formats.filter((f) => f !== format)] : formats
  return ordered.map((f) => ({
    name: EXPORT_FORMAT_INFO[f].label,
    // The dialogs match one extension segment: `.csl.json` is offered as `json`.
    extensions: [...new Set(EXPORT_FORMAT_INFO[f].extensions.map((e) => e.split('.').pop()!))]
  }))
}
