// The command line from argv to exit code, with the process (streams, environment) and the
// library opener passed in so tests can run it in-process.
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Library } from '../library/contract'
import { LibraryError } from '../library/contract'
import { resolveDbPath } from '../shell/default-db-path'
import { COMMANDS, commandUsage, parseArgs, usageText, UsageError, type ParsedArgs } from './args'
import { DOGEAR_VERSION } from './version'
import { CommandError, runCommand, runStandaloneCommand, type CommandOutput } from './commands'
import { restoreCommand } from './backup-commands'
import { messageOf } from '../../shared/errors'

export interface CliIo {
  stdout(text: string): void
  /** Raw stdout, no newline added; without it an export to stdout is printed as one text. */
  write?(chunk: string): void
  stderr(text: string): void
  readStdin(): Promise<string>
  env: Record<string, string | undefined>
}

export interface CliDeps {
  /** `create: false`: a missing file is an error, not a new library. */
  openLibrary(path: string, options: { create: boolean }): Library
}

export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2

export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const json = argv.includes('--json')
  let args: ParsedArgs
  try {
    args = parseArgs(argv)
  } catch (error) {
    return fail(io, json, error)
  }
  if (args.command === 'version') {
    io.stdout(args.json ? JSON.stringify({ version: DOGEAR_VERSION }) : `dogear ${DOGEAR_VERSION}`)
    return EXIT_OK
  }
  if (args.command === 'help') {
    const topic = args.positionals[0]
    if (topic !== undefined && !COMMANDS.has(topic)) return fail(io, json, new UsageError(`unknown command "${topic}"`))
    io.stdout(
      args.json
        ? JSON.stringify({ help: topic ? commandUsage(topic) : usageText() })
        : topic
          ? commandUsage(topic)
          : usageText()
    )
    return EXIT_OK
  }
  let library: Library | null = null
  try {
    let output = runStandaloneCommand(args)
    const path = resolveDbPath(args.db, { platform: process.platform, env: io.env, home: homeOf(io.env) })
    // Restoring replaces the file itself: it runs with no connection open.
    if (output === null && args.command === 'restore') output = await restoreCommand(args, path)
    if (output === null) {
      library = openAt(path, COMMANDS.get(args.command)?.createsLibrary === true, io, deps)
      output = await runCommand(args, {
        library,
        readStdin: io.readStdin,
        ...(io.write ? { writeOut: (chunk: string) => io.write!(chunk) } : {})
      })
    }
    const jsonPage = args.flags.get('json-page') === true
    return print(io, args.json || jsonPage, output, jsonPage)
  } catch (error) {
    return fail(io, args.json, error)
  } finally {
    library?.close()
  }
}

function homeOf(env: Record<string, string | undefined>): string {
  return env.HOME || env.USERPROFILE || '.'
}

function openAt(path: string, create: boolean, io: CliIo, deps: CliDeps): Library {
  const isNew = !existsSync(path)
  if (isNew && !create) {
    throw new CommandError(
      'NOT_FOUND',
      `there is no library at ${path} (check --db or DOGEAR_DB; "dogear import FILE" creates one)`
    )
  }
  if (isNew) {
    try {
      mkdirSync(dirname(path), { recursive: true })
    } catch (error) {
      throw new CommandError('UNREADABLE', `cannot create the folder for the library ${path}: ${messageOf(error)}`)
    }
  }
  try {
    const library = deps.openLibrary(path, { create })
    if (isNew) io.stderr(`dogear: created a new library at ${path}`)
    indexWaitingPapers(library)
    return library
  } catch (error) {
    throw new CommandError(
      error instanceof LibraryError ? error.code : 'UNREADABLE',
      `cannot open the library ${path}: ${messageOf(error)}`
    )
  }
}

/**
 * Papers a large import left waiting for the search index (the app closed right after it), so
 * that what this command searches finds them. A library that cannot be written to (read-only,
 * busy) is read as it is.
 */
function indexWaitingPapers(library: Library): void {
  try {
    library.indexWaiting()
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error
  }
}

function print(io: CliIo, json: boolean, output: CommandOutput, jsonPage = false): number {
  for (const line of output.errors ?? []) io.stderr(`dogear: ${line}`)
  if (json && output.page && jsonPage) io.stdout(JSON.stringify({ items: output.json, ...output.page }, null, 2))
  else if (json) io.stdout(JSON.stringify(output.json, null, 2))
  else if (output.text !== '') io.stdout(output.text)
  return output.exitCode ?? EXIT_OK
}

function fail(io: CliIo, json: boolean, error: unknown): number {
  const { code, message, exit, usage } = describeFailure(error)
  io.stderr(`dogear: ${message}`)
  if (usage) io.stderr(usage)
  if (json) io.stdout(JSON.stringify({ error: { code, message } }))
  return exit
}

function describeFailure(error: unknown): { code: string; message: string; exit: number; usage: string | null } {
  if (error instanceof UsageError) {
    const usage = error.command ? commandUsage(error.command) : 'Run "dogear help" for the commands.'
    return { code: 'USAGE', message: error.message, exit: EXIT_USAGE, usage }
  }
  if (error instanceof CommandError) return { code: error.code, message: error.message, exit: EXIT_FAILED, usage: null }
  if (error instanceof LibraryError) return { code: error.code, message: error.message, exit: EXIT_FAILED, usage: null }
  return { code: 'INTERNAL', message: `unexpected error: ${messageOf(error)}`, exit: EXIT_FAILED, usage: null }
}
