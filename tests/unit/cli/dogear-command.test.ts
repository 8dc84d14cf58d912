// `dogear` as a user runs it: a real process through bin/dogear.js (no build step), a temp
// library via --db, the shared digest imported and worked through.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HAS_SHARED_FIXTURES, SHARED_DIGEST } from '../../support/shared-fixture'

const repo = resolve(__dirname, '../../..')
const shared = SHARED_DIGEST
const scratch = mkdtempSync(join(tmpdir(), 'dogear-e2e-'))
const db = join(scratch, 'library.sqlite')

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function dogear(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: scratch, XDG_CONFIG_HOME: join(scratch, 'config') }
  delete env.DOGEAR_DB
  const run = spawnSync(process.execPath, [join(repo, 'bin/dogear.js'), ...args, '--db', db], {
    cwd: scratch,
    encoding: 'utf8',
    input,
    env,
    timeout: 30_000
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

function json<T>(args: string[]): T {
  const run = dogear([...args, '--json'])
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as T
}

interface ListItem {
  id: number
  title: string
  authors: string[]
  abstract: string | null
  links: { url: string; kind: string }[]
  digests: number[]
  read: boolean
  starred: boolean
  note: string | null
}

describe.skipIf(!HAS_SHARED_FIXTURES)('dogear, spawned', { timeout: 60_000 }, () => {
  it('imports the shared digest and reports the counts', () => {
    const run = dogear(['import', shared])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`${shared}: hf-text, digest 1: 66 papers (66 added, 0 merged, 0 unchanged)\n`)
  })

  it('says plainly that importing it again changed nothing', () => {
    const [report] = json<{ alreadyImported: boolean; added: number; digestId: number }[]>(['import', shared])
    expect(report).toMatchObject({ alreadyImported: true, added: 0, digestId: 1 })
  })

  it('lists papers with the agreed fields', () => {
    const items = json<ListItem[]>(['list'])
    expect(items).toHaveLength(66)
    const first = items[0]!
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(['id', 'title', 'authors', 'abstract', 'links', 'digests', 'read', 'starred', 'note'])
    )
    expect(first).toMatchObject({
      title: 'Advancing Transformer Architecture in Long-Context Large Language Models: A Comprehensive Survey',
      authors: [],
      links: [{ url: 'https://github.com/Strivin0311/long-llms-learning', kind: 'code' }],
      digests: [1],
      read: false,
      starred: false,
      note: null
    })
    expect(json<ListItem[]>(['list', '--has-code']).length).toBe(12)
  })

  it('searches with ranked hits and snippets', () => {
    const hits = json<(ListItem & { snippet: string })[]>(['search', 'Mamba'])
    expect(hits[0]!.title).toBe('A Survey of Mamba')
    expect(hits[0]!.snippet.length).toBeGreaterThan(0)
    const human = dogear(['search', 'Mamba'])
    expect(human.stdout).toMatch(/A Survey of Mamba/)
    expect(human.stdout).toMatch(/«Mamba»/)
  })

  it('marks read, stars and writes notes, and shows them', () => {
    const [a, b, c] = json<ListItem[]>(['list', '--limit', '3'])
    expect(dogear(['read', String(a!.id), String(b!.id)]).stdout).toBe(`Papers ${a!.id}, ${b!.id} marked read.\n`)
    expect(dogear(['star', String(c!.id)]).stdout).toBe(`Paper ${c!.id} starred.\n`)
    expect(dogear(['note', String(c!.id), 'Compare', 'with', 'the', 'survey']).code).toBe(0)
    expect(dogear(['note', String(b!.id), '-'], 'From stdin:\n- point one\n').code).toBe(0)

    const shown = json<ListItem & { digestRefs: { id: number; position: number }[] }>(['show', String(c!.id)])
    expect(shown).toMatchObject({ starred: true, read: false, note: 'Compare with the survey' })
    expect(shown.digestRefs).toEqual([expect.objectContaining({ id: 1, position: 3 })])
    expect(json<ListItem>(['show', String(b!.id)]).note).toBe('From stdin:\n- point one')
    expect(dogear(['show', String(c!.id)]).stdout).toMatch(/State: {3}unread · starred/)

    expect(json<ListItem[]>(['list', '--starred']).map((p) => p.id)).toEqual([c!.id])
    expect(json<ListItem[]>(['list', '--unread'])).toHaveLength(64)
    expect(json<ListItem[]>(['search', 'survey']).some((p) => p.id === c!.id)).toBe(true)

    expect(dogear(['unread', String(a!.id)]).stdout).toBe(`Paper ${a!.id} marked unread.\n`)
  })

  it('shows progress per digest and stats', () => {
    expect(json<{ id: number; read: number; total: number }[]>(['digests'])).toEqual([
      expect.objectContaining({ id: 1, read: 1, total: 66 })
    ])
    expect(dogear(['digests']).stdout).toMatch(/^ ?1 .* 1\/66 .*Hugging Face Papers \(hf-papers-transformers\.txt\)$/m)
    expect(json<{ papers: number; read: number; starred: number; noted: number }>(['stats'])).toMatchObject({
      papers: 66,
      read: 1,
      starred: 1,
      noted: 2
    })
  })

  it('exports every paper with its state as JSON', () => {
    const run = dogear(['export', '--format', 'json'])
    expect(run.code).toBe(0)
    const exported = JSON.parse(run.stdout) as { papers: ListItem[] }
    expect(exported.papers).toHaveLength(66)
    expect(exported.papers.filter((p) => p.note !== null)).toHaveLength(2)
  })

  it('lists the formats it reads', () => {
    expect(dogear(['formats']).stdout).toMatch(/^hf-text +Hugging Face papers page/m)
  })

  it('fails clearly: unknown command, missing id, unknown id, bad file', () => {
    expect(dogear(['frobnicate'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('unknown command "frobnicate"')
    })
    expect(dogear(['show'])).toMatchObject({ code: 2, stderr: expect.stringContaining('show needs a paper ID') })
    expect(dogear(['star', '4242'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no paper with id 4242')
    })
    const bad = resolve(repo, 'tests/fixtures/bad/binary.dat')
    const run = dogear(['import', bad, '--json'])
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toEqual([
      {
        ok: false,
        file: bad,
        error: { code: 'BINARY', message: expect.stringContaining(`${bad}: this is binary data`) }
      }
    ])
    expect(run.stderr).toContain(`${bad}: this is binary data`)
  })
})
