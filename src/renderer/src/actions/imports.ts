// Every way a digest gets in: the file dialog, the sample, dropped files and the clipboard.
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

  /** Dropped files go in by the token main gives for each (the app), otherwise as their text. */
  function importDropped(
    files: DroppedFile[],
    tokenFor?: (file: DroppedFile) => Promise<string>
  ): Promise<ImportFileReport[]> {
    return run(async () => {
      const tokens = tokenFor ? await Promise.all(files.map((file) => tokenFor(file))) : []
      if (tokens.length > 0 && tokens.every(Boolean)) return ctx.api.importFiles({ tokens })
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

  /** An empty clipboard is said, not reported as a failed import. */
  function importClipboard(): Promise<ImportFileReport[]> {
    return run(async () => {
      const report = await ctx.api.importClipboard()
      if (!report.ok && report.error.code === 'EMPTY_CLIPBOARD') {
        say(ctx, report.error.message, 'error')
        return []
      }
      return [report]
    })
  }

  return { chooseAndImport, importSample, importDropped, importClipboard, showReports }
}

export type ImportActions = ReturnType<typeof createImportActions>
