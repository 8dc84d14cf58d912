// The command line in-process against a real library file: exit codes, stdout/stderr split,
// JSON shapes and error messages.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDogear, type CliRun } from '../../support/cli'
import { HAS_SHARED_FIXTURES, SHARED_DIGEST } from '../../support/shared-fixture'

const shared = SHARED_DIGEST
const sample = resolve(__dirname, '../../../resources/sample-digest.txt')

let scratch: string
let db: string

function dogear(argv: string[], stdin = '', env: Record<string, string> = {}): Promise<CliRun> {
  return runDogear(argv, { stdin, env: { HOME: scratch, ...env } })
}

async function json<T>(argv: string[]): Promise<T> {
  const run = await dogear([...argv, '--json', '--db', db])
  expect(run.stderr).toBe('')
  return JSON.parse(run.stdout) as T
}

beforeAll(async () => {
  if (!HAS_SHARED_FIXTURES) return
  scratch = mkdtempSync(join(tmpdir(), 'dogear-cli-'))
  db = join(scratch, 'lib.sqlite')
  expect((await dogear(['import', shared, '--db', db])).code).toBe(0)
})

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe.skipIf(!HAS_SHARED_FIXTURES)('runCli', () => {
  it('prints help for no command, exit 0', async () => {
    const run = await dogear([])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^dogear: an offline reading list/)
  })

  it('rejects an unknown command on stderr with exit 2', async () => {
    expect(await dogear(['frobnicate'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'dogear: unknown command "frobnicate"\nRun "dogear help" for the commands.\n'
    })
  })

  it('prints one JSON error value with --json and the message on stderr', async () => {
    const run = await dogear(['show', '9999', '--json', '--db', db])
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: 'NOT_FOUND', message: 'no paper with id 9999' } })
    expect(run.stderr).toBe('dogear: no paper with id 9999\n')
  })

  it('changes nothing when one of several ids is unknown', async () => {
    const run = await dogear(['read', '1', '5000', '--db', db])
    expect(run).toMatchObject({ code: 1, stderr: 'dogear: no paper with id 5000; nothing was changed\n' })
    expect((await json<{ read: boolean }>(['show', '1'])).read).toBe(false)
  })

  it('reports a missing id as a usage error with the usage line', async () => {
    const run = await dogear(['star', '--db', db])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('dogear: star needs a paper ID\nUsage: dogear star ID...\n\nStar papers.\n')
  })

  it('says which ids changed and which already were', async () => {
    expect((await dogear(['star', '4', '--db', db])).stdout).toBe('Paper 4 starred.\n')
    expect((await dogear(['star', '4', '6', '--db', db])).stdout).toBe(
      'Paper 6 starred; Paper 4 was already starred.\n'
    )
    expect(await json(['unstar', '4', '6'])).toEqual({ changed: [4, 6], unchanged: [] })
  })

  it('reads a note from stdin with "-" and removes it with an empty text', async () => {
    expect(await dogear(['note', '7', '-', '--db', db], 'line one\nline two\n')).toMatchObject({
      code: 0,
      stdout: 'Saved the note of paper 7.\n'
    })
    expect((await json<{ note: string }>(['show', '7'])).note).toBe('line one\nline two')
    expect(await json(['note', '7', ''])).toEqual({ id: 7, note: null })
  })

  it('imports several files, reports each, and fails only the bad one', async () => {
    const missing = join(scratch, 'nope.txt')
    const run = await dogear(['import', sample, missing, shared, '--db', db])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/sample-digest\.txt: hf-text, digest 2: 12 papers \(12 added, 0 merged, 0 unchanged\)/)
    expect(run.stdout).toMatch(/hf-papers-transformers\.txt: already imported as digest 1; nothing changed/)
    expect(run.stdout).toMatch(/2 of 3 files imported; 1 failed\./)
    expect(run.stderr).toBe(`dogear: ${missing}: no such file\n`)
  })

  it('checks --format and --date before touching any file', async () => {
    const format = await dogear(['import', sample, '--format', 'pdf', '--db', db])
    expect(format.code).toBe(2)
    expect(format.stderr).toMatch(/^dogear: unknown format "pdf"\. Dogear reads: hf-text/)
    const date = await dogear(['import', sample, '--date', '12/03/2024', '--db', db])
    expect(date.stderr).toMatch(/^dogear: --date needs a calendar date written YYYY-MM-DD, not "12\/03\/2024"/)
  })

  it('filters, sorts and limits lists', async () => {
    const digests = await json<{ id: number; total: number }[]>(['digests'])
    expect(digests.map((d) => [d.id, d.total])).toEqual(
      expect.arrayContaining([
        [1, 66],
        [2, 12]
      ])
    )
    const two = await json<{ id: number; digests: number[] }[]>(['list', '--digest', '2', '--limit', '2'])
    expect(two).toHaveLength(2)
    for (const paper of two) expect(paper.digests).toEqual([2])
    const byTitle = await json<{ title: string }[]>(['list', '--sort', 'title', '--digest', '2'])
    expect(byTitle.map((p) => p.title)).toEqual([...byTitle.map((p) => p.title)].sort((a, b) => a.localeCompare(b)))
    const bad = await dogear(['list', '--digest', '99', '--db', db])
    expect(bad).toMatchObject({ code: 1, stderr: 'dogear: no digest with id 99\n' })
  })

  it('uses DOGEAR_DB when no --db is given', async () => {
    const run = await dogear(['digests', '--json'], '', { DOGEAR_DB: db })
    expect(JSON.parse(run.stdout).length).toBeGreaterThanOrEqual(2)
  })

  it('creates the default library under the home folder on the first import, and says so', async () => {
    const env = { XDG_CONFIG_HOME: join(scratch, 'config') }
    const imported = await dogear(['import', sample], '', env)
    expect(imported.code).toBe(0)
    expect(imported.stderr).toMatch(/^dogear: created a new library at .*config/)
    const run = await dogear(['stats', '--json'], '', env)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).papers).toBeGreaterThan(0)
  })

  it.each([['list'], ['search', 'attention'], ['show', '1'], ['digests'], ['stats'], ['export'], ['read', '1']])(
    '%s on a path with no library says so and creates nothing',
    async (...command) => {
      const missing = join(scratch, 'typo-folder', 'librray.sqlite')
      const run = await dogear([...command, '--db', missing])
      expect(run.code).toBe(1)
      expect(run.stderr).toBe(
        `dogear: there is no library at ${missing} (check --db or DOGEAR_DB; "dogear import FILE" creates one)\n`
      )
      expect(existsSync(join(scratch, 'typo-folder'))).toBe(false)
    }
  )

  it('says what is wrong when the library cannot be opened', async () => {
    const run = await dogear(['import', sample, '--db', join(scratch, 'lib.sqlite', 'inside-a-file.sqlite')])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^dogear: cannot (create the folder for|open) the library .*inside-a-file\.sqlite/)
  })
})
