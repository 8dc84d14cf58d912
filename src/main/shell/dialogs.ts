// The system dialogs main opens: choosing digests to import, a folder to watch, where to save an export.
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { listFormats } from '../ingest/pipeline'
import { saveDialogFilters } from '../export/app-export'
import type { ExportFormat } from '../../shared/export'

async function open(parent: BrowserWindow | null, options: OpenDialogOptions): Promise<string[]> {
  const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  return choice.canceled ? [] : choice.filePaths
}

/** The extensions of every format Dogear reads, without the dot, for the dialog's filter. */
export function digestExtensions(): string[] {
  return [...new Set(listFormats().flatMap((format) => format.extensions))].map((e) => e.replace(/^\./, ''))
}

export function chooseDigestFiles(parent: BrowserWindow | null): Promise<string[]> {
  return open(parent, {
    title: 'Import Digest',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Digests', extensions: digestExtensions() },
      { name: 'All files', extensions: ['*'] }
    ]
  })
}

export async function chooseWatchFolder(parent: BrowserWindow | null): Promise<string | null> {
  const [folder] = await open(parent, {
    title: 'Watch a Folder',
    buttonLabel: 'Watch',
    message: 'Digests saved in this folder are imported automatically, then moved into its done/ folder.',
    properties: ['openDirectory', 'createDirectory']
  })
  return folder ?? null
}

/** Where to save an export; the file types offer the asked format first. Null when cancelled. */
export async function chooseExportFile(
  parent: BrowserWindow | null,
  suggestedName: string,
  format: ExportFormat | undefined
): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'Export Papers',
    buttonLabel: 'Export',
    defaultPath: suggestedName,
    filters: saveDialogFilters(format),
    properties: ['createDirectory', 'showOverwriteConfirmation']
  }
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
  return choice.canceled || !choice.filePath ? null : choice.filePath
}

/** Where "Back Up Library..." writes its copy; null when cancelled. */
export async function chooseBackupTarget(parent: BrowserWindow | null, defaultPath: string): Promise<string | null> {
  const options = {
    title: 'Back Up Library',
    buttonLabel: 'Back Up',
    defaultPath,
    filters: [{ name: 'Dogear library', extensions: ['sqlite'] }]
  }
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
  return choice.canceled || !choice.filePath ? null : choice.filePath
}

/** The backup "Restore from Backup..." puts in place; null when cancelled. */
export async function chooseBackupFile(parent: BrowserWindow | null, folder: string): Promise<string | null> {
  const [file] = await open(parent, {
    title: 'Restore from Backup',
    buttonLabel: 'Restore',
    defaultPath: folder,
    properties: ['openFile'],
    filters: [
      { name: 'Dogear library', extensions: ['sqlite'] },
      { name: 'All files', extensions: ['*'] }
    ]
  })
  return file ?? null
}
