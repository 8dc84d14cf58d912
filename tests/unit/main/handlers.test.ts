import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OPERATIONS, type Handlers } from '../../../src/shared/api'
import type { ImportFileReport, PaperPage } from '../../../src/shared/model'
import { dispatch } from '../../../src/main/dispatch'
import { createFileGrants, type FileGrants } from '../../../src/main/file-grants'
import { createHandlers, importInline, type HandlerDeps } from '../../../src/main/handlers'
import { openLibrary } from '../../../src/main/library'
import type { Library } from '../../../src/main/library/contract'
import { HAS_SHARED_FIXTURES, SHARED_DIGEST } from '../../support/shared-fixture'

const SAMPLE = resolve(__dirname, '../../../resources/sample-digest.txt')
const FIXTURE = SHARED_DIGEST

interface Harness {
  library: Library
  handlers: Handlers
  opened: string[]
  chosen: string[]
  clipboard: string
  files: FileGrants
  settingsSeen: unknown[]
  call(operation: string, args?: unknown): ReturnType<typeof dispatch>
}

function harness(): Harness {
  const library = openLibrary(':memory:')
  const opened: string[] = []
  const settingsSeen: unknown[] = []
  const grants = createFileGrants()
  const h: Partial<Harness> = { library, opened, chosen: [], clipboard: '', files: grants, settingsSeen }
  const deps: HandlerDeps = {
    openExternal: (url) => void opened.push(url),
    chooseFiles: async () => h.chosen ?? [],
    runImports: importInline(library),
    samplePath: SAMPLE,
    readClipboard: () => h.clipboard ?? '',
    files: grants,
    onSettingsChanged: (settings) => void settingsSeen.push(settings)
  }
  h.handlers = createHandlers(library, deps)
  h.call = (operation, args) => dispatch(h.handlers as Handlers, operation, args)
  return h as Harness
}

async function value<T>(answer: ReturnType<typeof dispatch>): Promise<T> {
  const envelope = await answer
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}

let h: Harness
beforeEach(() => (h = harness()))
afterEach(() => h.library.close())

describe('createHandlers', () => {
  it('has exactly one handler per operation of the contract', () => {
    expect(Object.keys(h.handlers).sort()).toEqual([...OPERATIONS].sort())
  })

  it('imports the sample digest, lists it and marks a paper read', async () => {
    const report = await value<ImportFileReport>(h.call('importSample'))
    expect(report).toMatchObject({ ok: true, format: 'hf-text' })
    const page = await value<PaperPage>(h.call('listPapers', { filter: { kind: 'all' }, sort: 'title' }))
    expect(page.total).toBeGreaterThanOrEqual(5)
    expect(page.items.map((paper) => paper.title)).toContain(
      'Folded Attention: Linear-Time Context Mixing by Recursive Summaries'
    )
    const first = page.items[0]!
    expect(await value(h.call('markRead', { ids: [first.id], read: true }))).toEqual({ changed: [first.id] })
    expect(await value(h.call('getPaper', { id: first.id }))).toMatchObject({ title: first.title, read: true })
    const digests = await value<{ read: number; total: number }[]>(h.call('listDigests'))
    expect(digests).toHaveLength(1)
    expect(digests[0]).toMatchObject({ read: 1, total: page.total })
  })

  it('answers NOT_FOUND for an unknown paper and changes nothing', async () => {
    await value(h.call('importSample'))
    const before = h.library.stats()
    const markRead = await h.call('markRead', { ids: [1, 999_999], read: true })
    expect(markRead).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    if (!markRead.ok) expect(markRead.error.message).toContain('999999')
    expect(await h.call('saveNote', { id: 999_999, text: 'a note' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(await h.call('setStarred', { ids: [424_242], starred: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(h.library.stats()).toEqual(before)
    // A stale "last selection" is not an error: the contract answers null.
    expect(await h.call('getPaper', { id: 999_999 })).toEqual({ ok: true, value: null })
  })

  it('rejects bad arguments before anything is written', async () => {
    await value(h.call('importSample'))
    const before = h.library.stats()
    for (const [operation, args] of [
      ['markRead', { ids: [1], read: 1 }],
      ['setStarred', { ids: 'all', starred: true }],
      ['saveNote', { id: 1, text: 5 }],
      ['markAllRead', { filter: { kind: 'everything' } }],
      ['importText', { text: '' }],
      ['updateSettings', { importSizeCapMb: 0 }]
    ] as const) {
      expect(await h.call(operation, args), operation).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    expect(h.library.stats()).toEqual(before)
    expect(h.library.getPaper(1)?.note ?? null).toBeNull()
  })

  it('opens only http and https links, in the system browser', async () => {
    expect(await h.call('openExternal', { url: 'https://github.com/example/folded-attention' })).toEqual({
      ok: true,
      value: null
    })
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'https://arxiv.org@evil.example/']) {
      const answer = await h.call('openExternal', { url })
      expect(answer, url).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      if (!answer.ok) expect(answer.error.message).toContain('Only http and https')
    }
    expect(h.opened).toEqual(['https://github.com/example/folded-attention'])
  })

  it.skipIf(!HAS_SHARED_FIXTURES)('imports what the dialog picks, and nothing when it is cancelled', async () => {
    expect(await value(h.call('chooseAndImport'))).toEqual([])
    h.chosen.push(FIXTURE, '/nonexistent/digest.txt')
    const reports = await value<ImportFileReport[]>(h.call('chooseAndImport'))
    expect(reports.map((report) => report.ok)).toEqual([true, false])
    expect(reports[0]).toMatchObject({ file: FIXTURE, format: 'hf-text' })
    expect(reports[1]).toMatchObject({ file: '/nonexistent/digest.txt' })
    expect(h.library.stats().papers).toBeGreaterThan(0)
  })

  it('imports dropped files by path with a date', async () => {
    const tokens = [h.files.grant(SAMPLE)]
    const [report] = await value<ImportFileReport[]>(h.call('importFiles', { tokens, date: '2025-03-12' }))
    expect(report).toMatchObject({ ok: true })
    expect(h.library.listDigests()[0]).toMatchObject({ dateFrom: '2025-03-12' })
  })

  it('imports pasted text, within the size limit of the settings', async () => {
    const { readFileSync } = await import('node:fs')
    const text = readFileSync(SAMPLE, 'utf8')
    const report = await value<ImportFileReport>(h.call('importText', { text }))
    expect(report).toMatchObject({ ok: true, file: 'Pasted digest', format: 'hf-text' })
    await value(h.call('updateSettings', { importSizeCapMb: 1 }))
    const big = await value<ImportFileReport>(h.call('importText', { text: 'x'.repeat(1024 * 1024 + 1), name: 'big' }))
    expect(big.ok).toBe(false)
    if (!big.ok) expect(big.error.message).toMatch(/limit/)
  })

  it('imports only files main handed a token for, each token once', async () => {
    expect(await h.call('importFiles', { paths: [SAMPLE] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    const forged = 'f'.repeat(32)
    const granted = h.files.grant(SAMPLE)
    const refused = await h.call('importFiles', { tokens: [granted, forged] })
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: '1 of 2 files were not chosen or dropped in this window; nothing was imported.'
      }
    })
    expect(h.library.stats().papers).toBe(0)
    expect(await value<ImportFileReport[]>(h.call('importFiles', { tokens: [granted] }))).toMatchObject([{ ok: true }])
    expect(await h.call('importFiles', { tokens: [granted] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
  })

  it('imports the clipboard that main reads, and says when it is empty', async () => {
    const { readFileSync } = await import('node:fs')
    h.clipboard = ' \n '
    expect(await value<ImportFileReport>(h.call('importClipboard'))).toEqual({
      ok: false,
      file: 'Clipboard',
      error: { code: 'EMPTY_CLIPBOARD', message: 'The clipboard holds no text to import.' }
    })
    h.clipboard = readFileSync(SAMPLE, 'utf8')
    expect(await value<ImportFileReport>(h.call('importClipboard'))).toMatchObject({ ok: true, file: 'Clipboard' })
    expect(h.library.stats().papers).toBeGreaterThan(0)
  })

  it('lists the formats Dogear reads', async () => {
    const formats = await value<{ name: string }[]>(h.call('listFormats'))
    expect(formats.map((format) => format.name)).toContain('hf-text')
  })

  it('saves settings and tells the app, but only main picks the watched folder', async () => {
    const settings = await value(h.call('updateSettings', { markReadOnOpen: 'never' }))
    expect(settings).toMatchObject({ markReadOnOpen: 'never' })
    expect(h.settingsSeen).toHaveLength(1)
    expect(await h.call('updateSettings', { watchFolder: '/home/reader' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect(h.library.getSettings().watchFolder).toBeNull()
    h.library.updateSettings({ watchFolder: '/home/reader/Digests' })
    // Sending the settings back unchanged is fine; turning watching off is too.
    expect(await h.call('updateSettings', { watchFolder: '/home/reader/Digests' })).toMatchObject({ ok: true })
    expect(await value(h.call('updateSettings', { watchFolder: null }))).toMatchObject({ watchFolder: null })
  })
})
