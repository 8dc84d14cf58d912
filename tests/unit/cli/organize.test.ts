// The organizing commands in-process against a real library file: tag, untag, tags,
// list --tag, delete, delete --digest and the trash.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runDogear, type CliRun } from '../../support/cli'

const sample = resolve(__dirname, '../../../resources/sample-digest.txt')

let scratch: string
let db: string

function dogear(...argv: string[]): Promise<CliRun> {
  return runDogear([...argv, '--db', db], { env: { HOME: scratch } })
}

async function json<T>(...argv: string[]): Promise<T> {
  const run = await dogear(...argv, '--json')
  expect(run.stderr).toBe('')
  return JSON.parse(run.stdout) as T
}

beforeEach(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'dogear-cli-organize-'))
  db = join(scratch, 'lib.sqlite')
  expect((await dogear('import', sample)).code).toBe(0)
})

afterEach(() => rmSync(scratch, { recursive: true, force: true }))

describe('dogear tag, untag, tags and list --tag', () => {
  it('tags papers and lists a tag with counts', async () => {
    expect((await dogear('tag', 'Thesis', '1', '2')).stdout).toBe('Tagged papers 1, 2 with "Thesis".\n')
    expect((await dogear('tag', 'thesis', '2', '3')).stdout).toBe(
      'Tagged paper 3 with "Thesis"; paper 2 already had it.\n'
    )
    expect((await dogear('tags')).stdout).toBe('3  Thesis\n')
    const listed = await json<{ id: number }[]>('list', '--tag', 'THESIS')
    expect(listed.map((p) => p.id)).toEqual([1, 2, 3])
    expect((await dogear('untag', 'Thesis', '1')).stdout).toBe('Removed paper 1 from "Thesis".\n')
    expect((await dogear('show', '2')).stdout).toContain('Tags:    Thesis')
  })

  it('renames and merges tags', async () => {
    await dogear('tag', 'nlp', '1')
    await dogear('tag', 'Language', '2')
    expect((await dogear('tags', 'rename', 'nlp', 'language')).stdout).toBe(
      'Merged "nlp" into "Language": 2 paper(s) carry it.\n'
    )
    expect(await json('tags')).toEqual([{ id: 2, name: 'Language', count: 2 }])
  })

  it('says which ids and tags do not exist, changing nothing', async () => {
    const run = await dogear('tag', 'x', '1', '99')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('no paper with id 99; nothing was changed')
    expect((await dogear('list', '--tag', 'nope')).stderr).toContain('no tag named "nope"')
    expect((await dogear('tag', 'x')).code).toBe(2)
    expect(await json('tags')).toEqual([])
  })
})

describe('dogear delete and trash', () => {
  it('moves papers to the trash and restores them', async () => {
    await dogear('star', '2')
    expect((await dogear('delete', '2', '3')).stdout).toContain('Moved papers 2, 3 to the trash')
    expect((await json<unknown[]>('list')).length).toBe(10)
    expect((await dogear('trash')).stdout).toContain('Small Data, Sharp Tools')
    expect((await dogear('trash', '--restore', '2')).stdout).toBe('Restored paper 2.\n')
    expect(await json('show', '2')).toMatchObject({ starred: true })
    expect((await dogear('trash', '--empty')).stdout).toBe(
      'Emptied the trash: 1 paper(s) and 0 digest(s) removed for good.\n'
    )
    expect((await dogear('trash')).stdout).toBe('The trash is empty.\n')
  })

  it('deletes a digest and restores it', async () => {
    expect((await dogear('delete', '--digest', '1')).stdout).toContain(
      'Deleted digest 1: 12 paper(s) only it listed went to the trash; 0 listed by other digests stayed.'
    )
    expect(await json('digests')).toEqual([])
    expect((await dogear('trash', '--restore-digest', '1')).stdout).toBe('Restored digest 1 with 12 paper(s).\n')
    expect((await json<{ total: number }[]>('digests'))[0]).toMatchObject({ total: 12 })
  })
})
