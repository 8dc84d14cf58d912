// The search commands in-process on the shared Hugging Face digest (66 papers).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDogear, type CliRun } from '../../support/cli'

const shared = resolve(__dirname, '../../..', '../shared/fixtures/hf-papers-transformers.txt')
let scratch: string
let db: string

function dogear(...argv: string[]): Promise<CliRun> {
  return runDogear([...argv, '--db', db], { env: { HOME: scratch } })
}

async function count(query: string): Promise<number> {
  const run = await dogear('search', query, '--json', '--limit', '500')
  expect(run.code).toBe(0)
  return (JSON.parse(run.stdout) as unknown[]).length
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'dogear-search-'))
  db = join(scratch, 'lib.sqlite')
  expect((await dogear('import', shared)).code).toBe(0)
  await dogear('read', '1', '2', '3')
  await dogear('star', '16', '44')
  await dogear('note', '44', 'compare with RetNet')
})

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('dogear search', () => {
  it('finds what each part of the syntax asks for', async () => {
    expect(await count('li')).toBe(38)
    expect(await count('lin')).toBe(18)
    expect(await count('"in-context learning"')).toBe(9)
    expect(await count('"in context learning"')).toBe(9)
    expect(await count('mamba OR agent')).toBe(16)
    expect(await count('mamba NOT survey')).toBe(1)
    expect(await count('title:survey')).toBe(8)
    expect(await count('note:retnet')).toBe(1)
    expect(await count('is:starred')).toBe(2)
    expect(await count('is:read')).toBe(3)
    expect(await count('year:2026 has:note')).toBe(1)
    expect(await count('tag:efficient')).toBe(0)
  })

  it('takes a query starting with - as a query, and sorts', async () => {
    const run = await dogear('search', '-survey', 'mamba', '--limit', '5')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("Searching excluding 'survey' · 'mamba…'")
    expect(run.stdout).toMatch(/\n1 match\n$/)
    const byTitle = JSON.parse((await dogear('search', 'survey', '--sort', 'title', '--json')).stdout) as {
      title: string
    }[]
    const titles = byTitle.map((hit) => hit.title)
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })))
    expect((await dogear('search', 'x', '--sort', 'size')).code).toBe(2)
  })

  it('says which word it corrected, in text and on stderr with --json', async () => {
    const text = await dogear('search', 'tranformer', '--limit', '1')
    expect(text.stdout).toContain("No papers for 'tranformer'; showing 'transformer'")
    const json = await dogear('search', 'tranformer', '--limit', '1', '--json')
    expect(json.stderr).toBe("dogear: No papers for 'tranformer'; showing 'transformer'\n")
    expect(JSON.parse(json.stdout)).toHaveLength(1)
  })
})

describe('saved searches on the command line', () => {
  it('saves, lists with counts, lists what one holds, and deletes', async () => {
    expect((await dogear('save-search', 'Surveys', 'title:survey', '-mamba')).stdout).toBe(
      "Saved \"Surveys\": title: 'survey' · excluding 'mamba' (5 unread).\n"
    )
    await dogear('save-search', 'Mamba', 'mamba')
    const listed = await dogear('saved-searches')
    expect(listed.stdout).toBe('Surveys       5 unread  title:survey -mamba\nMamba         2 unread  mamba\n')
    const held = JSON.parse((await dogear('list', '--search', 'surveys', '--unread', '--json')).stdout) as unknown[]
    expect(held).toHaveLength(5)
    expect((await dogear('delete-search', 'Mamba')).stdout).toBe('Deleted the saved search "Mamba".\n')
    expect((await dogear('list', '--search', 'Mamba')).stderr).toContain('no saved search named "Mamba"')
  })
})
