// `dogear backup FILE` and `dogear restore FILE`: verified copies of the library and back.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Library } from '../library/contract'
import { restoreLibrary } from '../library/restore'
import { formatBytes } from '../ingest/pipeline'
import type { ParsedArgs } from './args'
import { CommandError, type CommandOutput } from './commands'

export async function backupCommand(args: ParsedArgs, library: Library): Promise<CommandOutput> {
  const target = resolve(args.positionals[0]!)
  if (existsSync(target)) throw new CommandError('INVALID_ARGUMENT', `${target} exists already; choose a new file name`)
  const result = await library.backup(target)
  return {
    json: result,
    text: `Backed up ${result.papers} papers to ${result.path} (${formatBytes(result.bytes)}, verified) in ${(result.ms / 1000).toFixed(1)} s.`
  }
}

/** Runs with the library closed: the file itself is replaced. */
export async function restoreCommand(args: ParsedArgs, libraryPath: string, now = new Date()): Promise<CommandOutput> {
  const file = resolve(args.positionals[0]!)
  if (!existsSync(file)) throw new CommandError('NOT_FOUND', `there is no backup at ${file}`)
  const result = await restoreLibrary(libraryPath, file, now)
  const kept = result.keptAs ? ` The library it replaced is kept as ${result.keptAs}.` : ''
  return {
    json: result,
    text: `Restored ${result.papers} papers from ${file} into ${libraryPath}.${kept}`
  }
}
