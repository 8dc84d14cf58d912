// Every way a digest gets in: the file dialog, the sample, dropped files and pasted text.
import type { ImportFileReport } from '../../../shared/model'
import { errorMessage } from '../api'
import { say, type ActionContext } from './context'

/** The part of a dropped file the importer needs; a DOM File has all of it. */
export interface DroppedFile {
  name: string
  text(): Promise<string>
}

function summary(reports: ImportFileReport[]): string {
  const failed = reports.filter((r) => !r.ok).length
  const added = reports.reduce((sum, r) => sum + (r.ok ? r.added : 0), 0)
  if (failed === reports.length) return reports.length === 1 ? 'The import failed.' : 'Every import failed.'
  const parts = [`Imported ${added} new paper${added === 1 ? '' : 's'}`]
  if (failed) parts.push(`${failed} file${failed === 1 ? '' : 's'} failed`)
  return parts.join('; ') + '.'
}

export function createImportActions(ctx: ActionContext, afterImport: () => Promise<void>) {
  async function run(work: () => Promise<ImportFileReport[]>): Promise<ImportFileReport[]> {
    ctx.ui.setState({ importing: true, progress: null })
    try {
      const reports = await work()
      if (reports.length === 0) return reports // the dialog was cancelled
      showReports(reports)
      await afterImport()
      return reports
    } catch (error) {
      say(ctx, `Import failed: ${errorMessage(error)}`, 'error')
      return []
    } finally {
      ctx.ui.setState({ importing: false, progress: null })
    }
  }

  function showReports(reports: ImportFileReport[]): void {
    ctx.ui.setState({ reports, dialog: 'import' })
    say(ctx, summary(reports), reports.every((r) => !r.ok) ? 'error' : 'info')
  }

  const chooseAndImport = () => run(() => ctx.api.chooseAndImport())
  const importSample = () => run(async () => [await ctx.api.importSample()])

  /** Dropped files go in by path where the shell can tell it, otherwise as their text. */
  function importDropped(
    files: DroppedFile[],
    pathFor?: (file: DroppedFile) => string | undefined
  ): Promise<ImportFileReport[]> {
    return run(async () => {
      const paths = files.map((file) => pathFor?.(file) || '')
      if (paths.every(Boolean)) return ctx.api.importFiles({ paths })
      const reports: ImportFileReport[] = []
      for (const file of files) {
        try {
          const text = await file.text()
          reports.push(
            text.trim()
              ? await ctx.api.importText({ text, name: file.name.slice(0, 255) })
              : { ok: false, file: file.name, error: { code: 'EMPTY', message: `${file.name} is empty.` } }
          )
        } catch (error) {
          reports.push({ ok: false, file: file.name, error: { code: 'READ_FAILED', message: errorMessage(error) } })
        }
      }
      return reports
    })
  }

  function importPasted(text: string): Promise<ImportFileReport[]> {
    if (!text.trim()) {
      say(ctx, 'The clipboard holds no text to import.', 'error')
      return Promise.resolve([])
    }
    return run(async () => [await ctx.api.importText({ text, name: 'Pasted digest' })])
  }

  return { chooseAndImport, importSample, importDropped, importPasted, showReports }
}

export type ImportActions = ReturnType<typeof createImportActions>
