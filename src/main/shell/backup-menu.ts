// File > Back Up Library... and File > Restore from Backup...: the dialogs and messages around
// the library's backup and restore. A restore replaces the library file, so it is checked now,
// requested, and carried out by the next start (src/main/pending-restore.ts).
import { app, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron'
import { dirname, join } from 'node:path'
import { messageOf } from '../../shared/errors'
import type { Library } from '../library/contract'
import { BACKUP_FOLDER } from '../library/auto-backup'
import { localDay } from '../library/clock'
import { checkBackup } from '../library/restore'
import { applyPendingRestore, requestRestore } from '../pending-restore'
import { chooseBackupFile, chooseBackupTarget } from './dialogs'

export interface BackupMenuDeps {
  library: Library
  libraryPath: string
  nativeBinding?: string
  window(): BrowserWindow | null
}

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`
}

async function tell(parent: BrowserWindow | null, options: MessageBoxOptions): Promise<number> {
  const answer = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
  return answer.response
}

export function createBackupMenu(deps: BackupMenuDeps) {
  async function backUp(): Promise<void> {
    const parent = deps.window()
    const suggested = join(app.getPath('documents'), `dogear-backup-${localDay(new Date())}.sqlite`)
    const target = await chooseBackupTarget(parent, suggested)
    if (!target) return
    try {
      const made = await deps.library.backup(target)
      await tell(parent, {
        type: 'info',
        title: 'Library backed up',
        message: `Backed up ${made.papers.toLocaleString('en-US')} papers`,
        detail: `${made.path} (${megabytes(made.bytes)}), checked against the library.`
      })
    } catch (error) {
      dialog.showErrorBox('The backup failed', `${target}: ${messageOf(error)}\n\nNothing was changed in your library.`)
    }
  }

  async function restore(): Promise<void> {
    const parent = deps.window()
    const file = await chooseBackupFile(parent, join(dirname(deps.libraryPath), BACKUP_FOLDER))
    if (!file) return
    let papers: number
    try {
      papers = checkBackup(file, deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {})
    } catch (error) {
      dialog.showErrorBox('This backup cannot be restored', `${messageOf(error)}\n\nYour library was not changed.`)
      return
    }
    const choice = await tell(parent, {
      type: 'warning',
      title: 'Restore from Backup',
      message: `Replace your library with this backup of ${papers.toLocaleString('en-US')} papers?`,
      detail: `${file}\n\nDogear restarts to do it. The library you have now is kept beside it as a dated copy (library.sqlite.before-restore-...).`,
      buttons: ['Cancel', 'Restore and Restart'],
      defaultId: 0,
      cancelId: 0
    })
    if (choice !== 1) return
    requestRestore(deps.libraryPath, file, new Date())
    app.relaunch()
    app.quit()
  }

  return { backUp, restore }
}

/** At start, before the library opens: a restore the menu asked for, and what came of it. */
export async function restoreIfRequested(libraryPath: string, nativeBinding: string | undefined): Promise<void> {
  const outcome = await applyPendingRestore(libraryPath, new Date(), nativeBinding ? { nativeBinding } : {})
  if (outcome === null) return
  if (outcome.ok) {
    await dialog.showMessageBox({
      type: 'info',
      title: 'Library restored',
      message: `Restored ${outcome.result.papers.toLocaleString('en-US')} papers from the backup`,
      detail: `${outcome.result.restoredFrom}${outcome.result.keptAs ? `\n\nThe library you had is kept as ${outcome.result.keptAs}` : ''}`
    })
  } else {
    dialog.showErrorBox('The restore failed', `${outcome.backup}: ${outcome.message}\n\nYour library was not changed.`)
  }
}
