// `dogear split` and the merges `show` lists, in-process against a library file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDogear, type CliRun } from '../../support/cli'
import { openLibrary } from '../../../src/main/library'
import { digest, paper } from '../library/helpers'

let scratch: string
let db: string
let colleagueDigest: number

function dogear(argv: string[]): Promise<CliRun> {
  return runDogear([...argv, '--db', db], { env: { HOME: scratch } })
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'dogear-split-cli-'))
  db = join(scratch, 'lib.sqlite')
  const library = openLibrary(db)
  library.importDigest(
    digest([paper('Moss Atlas', { abstract: 'Lichen maps.', arxivId: '2405.00005' })], { title: 'arXiv' })
  )
  colleagueDigest = library.importDigest(
    digest([paper('Moss atlas', { abstract: 'A garden book.' })], { title: 'Garden list', date: '2024-03-13' })
  ).digestId
  library.close()
})

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('dogear split', () => {
  it('shows what a paper was merged from, splits it, and says so', async () => {
    const show = await dogear(['show', '1'])
    expect(show.stdout).toContain(`Merged:   #${colleagueDigest} Garden list (by title, as 'Moss atlas')`)
    expect(show.stdout).toContain(`a wrong one: dogear split 1 --digest ${colleagueDigest}`)

    const split = await dogear(['split', '1', '--digest', String(colleagueDigest)])
    expect(split.code).toBe(0)
    expect(split.stdout).toContain(`Split #2 Moss atlas (from digest #${colleagueDigest}) off #1 Moss Atlas.`)
    const list = await dogear(['list', '--json'])
    expect((JSON.parse(list.stdout) as { title: string }[]).map((p) => p.title).sort()).toEqual([
      'Moss Atlas',
      'Moss atlas'
    ])
    expect((await dogear(['show', '1'])).stdout).not.toContain('Merged:')
  })

  it('fails clearly when there is nothing to split', async () => {
    const run = await dogear(['split', '2'])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('Paper 2 was never merged: nothing to split.')
  })
})
