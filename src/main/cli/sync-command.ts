// `dogear sync FOLDER` and `dogear sync --status`: the folder sync from the command line.
import type { Library } from '../library/contract'
import { syncFolder, SyncFolderError } from '../sync/folder'
import { syncStatus, type SyncStatus } from '../sync/status'
import type { SyncReport } from '../sync/folder'
import { booleanFlag, stringFlag, UsageError, type ParsedArgs } from './args'
import { CommandError, type CommandOutput } from './commands'

export function syncCommand(args: ParsedArgs, library: Library): CommandOutput {
  if (booleanFlag(args, 'status')) {
    if (args.positionals.length > 0) throw new UsageError('sync --status takes no FOLDER', 'sync')
    const status = syncStatus(library)
    return { json: status, text: formatStatus(status) }
  }
  const folder = args.positionals[0] ?? library.sync.self().folderPath
  if (!folder)
    throw new UsageError('sync needs a FOLDER the first time (the folder your file-sync engine syncs)', 'sync')
  const deviceName = stringFlag(args, 'device')
  try {
    const sizeCapBytes = library.getSettings().importSizeCapMb * 1024 * 1024
    const report = syncFolder(library, folder, { ...(deviceName === undefined ? {} : { deviceName }), sizeCapBytes })
    return { json: report, text: formatReport(report), errors: report.problems }
  } catch (error) {
    if (error instanceof SyncFolderError) throw new CommandError('SYNC_FOLDER', error.message)
    throw error
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

export function formatReport(report: SyncReport): string {
  const lines = [
    `Synced ${report.device.name} with ${report.folder}`,
    `  wrote ${plural(report.written.changes, 'change')} in ${plural(report.written.segments, 'segment')}, ` +
      `${plural(report.written.digests, 'digest file')}${report.written.snapshot ? ' and a snapshot' : ''}`,
    `  applied ${plural(report.applied.changes, 'change')} from ${plural(report.applied.segments, 'segment')}` +
      (report.applied.conflicts > 0 ? `, ${plural(report.applied.conflicts, 'note conflict')}` : ''),
    `  imported ${plural(report.digestsImported, 'digest')}`
  ]
  if (report.digestsWaiting > 0) lines.push(`  waiting for ${plural(report.digestsWaiting, 'digest file')} to arrive`)
  if (report.changesWaiting > 0) {
    lines.push(`  ${plural(report.changesWaiting, 'change')} wait for papers whose digest has not arrived`)
  }
  return lines.join('\n')
}

function formatStatus(status: SyncStatus): string {
  const lines = [
    `This device: ${status.device.name} (${status.device.id})`,
    `Sync folder: ${status.folder ?? 'none (run dogear sync FOLDER)'}`,
    `Last sync:   ${status.lastSyncAt ?? 'never'}`,
    `Not yet written to the folder: ${plural(status.outbox, 'change')}`
  ]
  if (status.conflicts > 0) lines.push(`Notes with a sync conflict: ${status.conflicts}`)
  if (status.problem) lines.push(`Problem: ${status.problem}`)
  if (status.devices.length > 0) lines.push('', 'Other devices:')
  for (const device of status.devices) {
    const lag = device.behind > 0 ? `${plural(device.behind, 'segment')} not applied yet` : 'up to date'
    lines.push(
      `  ${device.name}: last wrote ${device.wroteAt ?? 'never'}, last synced ${device.syncedAt ?? 'never'}; ${lag}`
    )
    if (device.problem) lines.push(`    problem: ${device.problem}`)
  }
  return lines.join('\n')
}
