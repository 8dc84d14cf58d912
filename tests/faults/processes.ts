// Real child processes for the fault suite: each runs a small script against the repository's
// sources through tsx, so a kill -9 hits a process that is really writing.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach } from 'vitest'
import { PaperFactory, hfDigestText } from '../../bench/synthetic'

export const REPO = resolve(__dirname, '../..')

const folders: string[] = []
const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

export function scratchFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'dogear-faults-'))
  folders.push(folder)
  return folder
}

/** `import` lines for a child script: the library, the pipeline, anything under src. */
export function source(path: string): string {
  return JSON.stringify(join(REPO, 'src', path))
}

export interface Child {
  process: ChildProcess
  /** Every line the child printed so far. */
  lines: string[]
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stderr(): string
}

/** Runs `script` (TypeScript, ES module) in its own process. */
export function runScript(folder: string, name: string, script: string): Child {
  const path = join(folder, `${name}.mts`)
  writeFileSync(path, script)
  // node itself, not the tsx launcher: a kill must hit the process that writes, not its parent.
  const child = spawn(process.execPath, ['--import', 'tsx', path], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  const lines: string[] = []
  let pending = ''
  let errors = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8')
    const parts = pending.split('\n')
    pending = parts.pop()!
    lines.push(...parts)
  })
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal }))
  )
  return { process: child, lines, exited, stderr: () => errors }
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A Hugging Face text digest of `count` invented papers, written to `path`. */
export function writeDigest(path: string, count: number, seed: number, day = 6): void {
  const factory = new PaperFactory(seed)
  const papers = Array.from({ length: count }, () => ({ title: factory.title(), abstract: factory.abstract(300) }))
  writeFileSync(path, hfDigestText(new Date(Date.UTC(2026, 0, day)), papers))
}
