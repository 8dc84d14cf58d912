import { mkdtempSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../src/shared/api'
import type { BulkOutcome, ImportFileReport } from '../../../src/shared/model'
import { dispatch } from '../../../src/main/dispatch'
import { createFileGrants } from '../../../src/main/file-grants'
import { createHandlers, importInline } from '../../../src/main/handlers'
import { openLibrary } from '../../../src/main/library'
import type { Library } from '../../../src/main/library/contract'
import { currentPlace } from '../../../src/main/source-files'
import { exportWithoutExcept } from '../../../src/main/bulk'

const BIB = (titles: string[]) =>
  titles
    .map((t, i) => `@article{k${i},\n  title = {${t}},\n  author = {Example, Ada},\n  year = {2024}\n}\n`)
    .join('\n')

let folder: string
let library: Library
let handlers: Handlers
let revealed: string[]
let chosen: string[]

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'dogear-bulk-'))
  library = openLibrary(join(folder, 'library.sqlite'))
  revealed = []
  chosen = []
  handlers = createHandlers(library, {
    openExternal: () => undefined,
    chooseFiles: async () => chosen,
    runImports: importInline(library),
    samplePath: '',
    readClipboard: () => '',
    files: createFileGrants(),
    revealFile: (path) => void revealed.push(path),
    libraryPath: join(folder, 'library.sqlite')
  })
})
afterEach(() => {
  library.close()
  rmSync(folder, { recursive: true, force: true })
})

async function call<T>(operation: string, args?: unknown): Promise<T> {
  const answer = await dispatch(handlers, operation, args)
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.value as T
}

async function importTitles(name: string, titles: string[]): Promise<ImportFileReport> {
  const path = join(folder, name)
  writeFileSync(path, BIB(titles))
  chosen = [path]
  const [report] = await call<ImportFileReport[]>('chooseAndImport')
  return report!
}

describe('actOnPapers', () => {
  it('acts on a whole list by its filter in main, leaving out the papers picked off', async () => {
    await importTitles('a.bib', ['Gravel Lattices', 'Humming Kettles', 'Sleepy Robots', 'Quiet Pianos'])
    const all = library.listPapers({ filter: { kind: 'all' } }).items.map((p) => p.id)
    const except = [all[1]!]
    const read = await call<BulkOutcome>('actOnPapers', {
      target: { filter: { kind: 'all' }, except },
      action: { kind: 'read', value: true }
    })
    expect(read.changed.sort()).toEqual(all.filter((id) => id !== all[1]).sort())
    expect(library.stats()).toMatchObject({ read: 3 })
    const tagged = await call<BulkOutcome>('actOnPapers', {
      target: { filter: { kind: 'unread' } },
      action: { kind: 'tag', name: 'Later' }
    })
    expect(tagged).toEqual({ tag: 'Later', changed: [all[1]] })
  })

  it('acts on the matches of a search within a list', async () => {
    await importTitles('a.bib', ['Gravel Lattices', 'Gravel Roads', 'Sleepy Robots'])
    const outcome = await call<BulkOutcome>('actOnPapers', {
      target: { filter: { kind: 'all' }, query: 'gravel' },
      action: { kind: 'star', value: true }
    })
    expect(outcome.changed).toHaveLength(2)
    expect(library.stats()).toMatchObject({ starred: 2 })
  })

  it('moves papers to the trash by id; an unknown id changes nothing', async () => {
    await importTitles('a.bib', ['Gravel Lattices', 'Sleepy Robots'])
    const [first] = library.listPapers({ filter: { kind: 'all' } }).items
    await expect(call('actOnPapers', { target: { ids: [first!.id, 999] }, action: { kind: 'trash' } })).rejects.toThrow(
      'NOT_FOUND'
    )
    expect(library.trash().papers).toEqual([])
    const outcome = await call<BulkOutcome>('actOnPapers', { target: { ids: [first!.id] }, action: { kind: 'trash' } })
    expect(outcome.changed).toEqual([first!.id])
    expect(library.trash().papers.map((p) => p.title)).toEqual([first!.title])
  })
})

describe('exporting a list with papers taken back out', () => {
  it('exports the ids that remain; a list without exceptions stays a list', async () => {
    await importTitles('a.bib', ['Gravel Lattices', 'Humming Kettles', 'Sleepy Robots'])
    const all = library.listPapers({ filter: { kind: 'all' } }).items.map((p) => p.id)
    const request = exportWithoutExcept(library, { format: 'bibtex', filter: { kind: 'all' }, except: [all[0]!] })
    expect(request.format).toBe('bibtex')
    expect('ids' in request && [...request.ids].sort()).toEqual(all.slice(1).sort())
    expect(exportWithoutExcept(library, { filter: { kind: 'starred' }, query: 'x', except: [] })).toEqual({
      filter: { kind: 'starred' },
      query: 'x'
    })
  })
})

describe('revealSource', () => {
  it("shows a digest's file, and a paper's first digest's file, in the file manager", async () => {
    const report = await importTitles('monday.bib', ['Gravel Lattices'])
    if (!report.ok) throw new Error(report.error.message)
    await call('revealSource', { digestId: report.digestId })
    const [paper] = library.listPapers({ filter: { kind: 'all' } }).items
    await call('revealSource', { paperId: paper!.id })
    expect(revealed).toEqual([join(folder, 'monday.bib'), join(folder, 'monday.bib')])
  })

  it('says so when the file is gone, and when the digest was pasted', async () => {
    const report = await importTitles('monday.bib', ['Gravel Lattices'])
    if (!report.ok) throw new Error(report.error.message)
    rmSync(join(folder, 'monday.bib'))
    await expect(call('revealSource', { digestId: report.digestId })).rejects.toThrow(
      `The file is no longer at ${join(folder, 'monday.bib')}`
    )
    const pasted = await call<ImportFileReport>('importText', { text: BIB(['Sleepy Robots']) })
    if (!pasted.ok) throw new Error(pasted.error.message)
    await expect(call('revealSource', { digestId: pasted.digestId })).rejects.toThrow('it was pasted')
    expect(revealed).toEqual([])
  })

  it("finds a watched folder's file in its done/ folder", () => {
    const path = join(folder, 'watched', 'monday.bib')
    mkdirSync(join(folder, 'watched', 'done'), { recursive: true })
    writeFileSync(path, 'x')
    expect(currentPlace(path)).toBe(path)
    renameSync(path, join(folder, 'watched', 'done', 'monday.bib'))
    expect(currentPlace(path)).toBe(join(folder, 'watched', 'done', 'monday.bib'))
  })
})
