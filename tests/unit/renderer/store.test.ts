// The renderer's state logic against a fake api: what the reader would see after each action.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDogear, type Dogear } from '../../../src/renderer/src/actions'
import { SEARCH_DEBOUNCE_MS } from '../../../src/renderer/src/actions/list'
import { NOTE_SAVE_DELAY_MS } from '../../../src/renderer/src/actions/notes'
import { rowAt } from '../../../src/renderer/src/lib/pageCache'
import { createFakeApi, fakePaper, type FakeApi } from './fakeApi'

let api: FakeApi
let dogear: Dogear

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

function row(index: number) {
  return rowAt(dogear.papers.getState().cache, index)
}

beforeEach(async () => {
  api = createFakeApi({ papers: 250 })
  dogear = createDogear(api)
  await dogear.start()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('paper list', () => {
  it('loads one page, not the whole library, and knows the total', () => {
    expect(dogear.papers.getState().total).toBe(250)
    expect(dogear.papers.getState().cache.pages.size).toBe(1)
    const listCall = api.calls.find((c) => c.operation === 'listPapers')
    expect(listCall?.args).toMatchObject({ offset: 0, limit: 100 })
    // The list shows no abstracts: a page is asked for without them.
    expect(listCall?.args).toMatchObject({ abstracts: false })
  })

  it('loads the pages the list scrolls to', async () => {
    dogear.ensureRows(180, 230)
    await settle()
    expect(row(230)?.title).toBe('Invented paper number 231')
  })

  it('asks for the page below a loaded one by its cursor, and for a far jump by offset', async () => {
    dogear.ensureRows(210, 220)
    await settle()
    dogear.ensureRows(100, 110)
    await settle()
    const pageCalls = api.calls.filter((c) => c.operation === 'listPapers').slice(1)
    expect(pageCalls.map((c) => c.args)).toMatchObject([
      { offset: 200, limit: 100 },
      { offset: 100, limit: 100, after: '100' }
    ])
    expect(pageCalls[0]!.args).not.toHaveProperty('after')
    expect(row(100)?.title).toBe('Invented paper number 101')
    expect(row(215)?.title).toBe('Invented paper number 216')
  })

  it('moves with j/k, loading the next page when needed', async () => {
    await dogear.move(1)
    expect(dogear.selection.getState()).toMatchObject({ selectedId: 1, selectedIndex: 0 })
    await dogear.selectIndex(99)
    await dogear.move(1)
    expect(dogear.selection.getState()).toMatchObject({ selectedId: 101, selectedIndex: 100 })
    await dogear.move(-1)
    expect(dogear.selection.getState().selectedId).toBe(100)
  })

  it('drops a slower search answer for an older query', async () => {
    vi.useFakeTimers()
    const release = api.hold('search')
    dogear.setQuery('number 1')
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 1)
    release()
    dogear.setQuery('number 250')
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 1)
    await settle()
    expect(dogear.papers.getState().total).toBe(1)
    expect(row(0)?.title).toBe('Invented paper number 250')
  })
})

describe('opening papers', () => {
  it('marks a paper read when it is opened, and counts follow', async () => {
    await dogear.openPaper(5, 4)
    await settle()
    expect(api.papers[4]?.read).toBe(true)
    expect(row(4)?.read).toBe(true)
    expect(dogear.sources.getState().stats?.unread).toBe(249)
  })

  it('never marks read when the setting says never', async () => {
    await dogear.updateSettings({ markReadOnOpen: 'never' })
    await dogear.openPaper(5, 4)
    await settle()
    expect(api.papers[4]?.read).toBe(false)
  })

  it('shows the newer selection even when the older answer comes last', async () => {
    const release = api.hold('getPaper')
    const first = dogear.openPaper(1, 0)
    const second = dogear.openPaper(2, 1)
    release()
    await Promise.all([first, second])
    expect(dogear.reader.getState().paper?.id).toBe(2)
  })
})

describe('read and star changes', () => {
  it('shows a star at once and rolls it back when main refuses', async () => {
    await dogear.updateSettings({ markReadOnOpen: 'never' })
    await dogear.openPaper(3, 2)
    api.failNext('setStarred', 'disk full')
    const pending = dogear.toggleStar()
    expect(dogear.reader.getState().paper?.starred).toBe(true)
    await pending
    expect(dogear.reader.getState().paper?.starred).toBe(false)
    expect(row(2)?.starred).toBe(false)
    expect(dogear.ui.getState().status?.text).toContain('disk full')
    expect(dogear.ui.getState().history.done).toHaveLength(0)
  })

  it('undoes mark all read, restoring exactly the papers it changed', async () => {
    await dogear.updateSettings({ markReadOnOpen: 'never' })
    api.papers[0]!.read = true
    await dogear.markAllRead()
    expect(api.papers.every((p) => p.read)).toBe(true)
    expect(row(1)?.read).toBe(true)
    await dogear.undo()
    expect(api.papers[0]?.read).toBe(true)
    expect(api.papers.filter((p) => !p.read)).toHaveLength(249)
    expect(row(1)?.read).toBe(false)
    expect(dogear.sources.getState().stats?.unread).toBe(249)
  })

  it('asks before marking more than a screenful read, and does nothing until told yes', async () => {
    dogear.requestMarkAllRead()
    expect(dogear.ui.getState()).toMatchObject({ dialog: 'confirm' })
    expect(dogear.ui.getState().confirmation?.question).toBe('Mark all 250 papers in All papers read?')
    expect(api.calls.some((c) => c.operation === 'markAllRead')).toBe(false)
    dogear.ui.getState().confirmation?.run()
    await settle()
    expect(api.papers.every((p) => p.read)).toBe(true)
    expect(dogear.ui.getState().history.done).toHaveLength(1)
  })

  it('undoes star and read toggles in reverse order', async () => {
    await dogear.updateSettings({ markReadOnOpen: 'never' })
    await dogear.openPaper(7, 6)
    await dogear.toggleStar()
    await dogear.toggleRead()
    await dogear.undo()
    expect(api.papers[6]).toMatchObject({ read: false, starred: true })
    await dogear.undo()
    expect(api.papers[6]).toMatchObject({ read: false, starred: false })
  })

  it('undo shows the paper it changed and says what it undid; redo does it again', async () => {
    await dogear.updateSettings({ markReadOnOpen: 'never' })
    await dogear.openPaper(3, 2)
    await dogear.toggleStar()
    await dogear.openPaper(8, 7)
    await dogear.undo()
    expect(api.papers[2]?.starred).toBe(false)
    expect(dogear.selection.getState().selectedId).toBe(3)
    expect(dogear.reader.getState().paper).toMatchObject({ id: 3, starred: false })
    expect(dogear.ui.getState().status?.text).toBe('Undo: unstarred “Invented paper number 3”.')
    await dogear.redo()
    expect(api.papers[2]?.starred).toBe(true)
    expect(row(2)?.starred).toBe(true)
    expect(dogear.ui.getState().status?.text).toBe('Redo: starred “Invented paper number 3”.')
    await dogear.redo()
    expect(dogear.ui.getState().status?.text).toBe('Nothing to redo.')
  })

  it('keeps an undo step whose undo main refused, to try again', async () => {
    await dogear.updateSettings({ markReadOnOpen: 'never' })
    await dogear.openPaper(3, 2)
    await dogear.toggleStar()
    api.failNext('setStarred', 'database is locked')
    await dogear.undo()
    expect(api.papers[2]?.starred).toBe(true)
    expect(dogear.reader.getState().paper?.starred).toBe(true)
    expect(dogear.ui.getState().status).toMatchObject({ kind: 'error' })
    await dogear.undo()
    expect(api.papers[2]?.starred).toBe(false)
  })

  it('a paper marked read on opening is an undo step that shows it again, unread', async () => {
    await dogear.openPaper(5, 4)
    await settle()
    expect(api.papers[4]?.read).toBe(true)
    await dogear.openPaper(9, 8)
    await settle()
    await dogear.undo()
    await dogear.undo()
    expect(api.papers[4]?.read).toBe(false)
    expect(dogear.selection.getState().selectedId).toBe(5)
    await settle()
    expect(api.papers[4]?.read).toBe(false) // showing it for undo does not mark it read again
    expect(dogear.ui.getState().status?.text).toBe('Undo: marked “Invented paper number 5” unread.')
  })

  it('n wraps to the top when nothing below is unread, and says when nothing is', async () => {
    await dogear.updateSettings({ markReadOnOpen: 'never' })
    for (const p of api.papers) p.read = p.id !== 3
    await dogear.reloadList()
    await dogear.openPaper(200, 199)
    expect(await dogear.nextUnread()).toBe(true)
    expect(dogear.selection.getState()).toMatchObject({ selectedId: 3, selectedIndex: 2 })
    expect(dogear.ui.getState().status?.text).toContain('back to the first unread one from the top')
    expect(await dogear.nextUnread()).toBe(false)
    expect(dogear.ui.getState().status?.text).toBe('No other unread papers in this list.')
    expect(api.calls.filter((c) => c.operation === 'listPapers').length).toBeLessThanOrEqual(2)
  })

  it('finds the next unread paper past read ones', async () => {
    await dogear.updateSettings({ markReadOnOpen: 'never' })
    for (const i of [1, 2, 3]) api.papers[i]!.read = true
    await dogear.reloadList()
    await dogear.openPaper(1, 0)
    await dogear.nextUnread()
    expect(dogear.selection.getState().selectedId).toBe(5)
  })
})

describe('mark read on open', () => {
  async function pressJ(times: number, gapMs: number): Promise<void> {
    for (let i = 0; i < times; i++) {
      await dogear.move(1)
      await vi.advanceTimersByTimeAsync(gapMs)
    }
  }

  it('immediately: every paper landed on is read, however fast the keys come', async () => {
    vi.useFakeTimers()
    const release = api.hold('getPaper')
    const presses: Promise<void>[] = []
    for (let i = 0; i < 10; i++) {
      presses.push(dogear.move(1)) // papers' details are still on their way
      await settle()
    }
    release()
    await Promise.all(presses)
    await vi.advanceTimersByTimeAsync(0)
    await settle()
    expect(api.papers.filter((p) => p.read).map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('after a delay: only a paper that stays selected that long is read', async () => {
    vi.useFakeTimers()
    await dogear.updateSettings({ markReadOnOpen: 'after-delay', markReadDelaySeconds: 2 })
    await pressJ(10, 150)
    expect(api.papers.filter((p) => p.read)).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(2000 - 150 - 1)
    expect(api.papers.filter((p) => p.read)).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(2)
    await settle()
    expect(api.papers.filter((p) => p.read).map((p) => p.id)).toEqual([10])
  })

  it('a read change by hand cancels the pending mark', async () => {
    vi.useFakeTimers()
    await dogear.updateSettings({ markReadOnOpen: 'after-delay', markReadDelaySeconds: 1 })
    await dogear.openPaper(4, 3)
    await dogear.toggleRead()
    await dogear.toggleRead()
    await vi.advanceTimersByTimeAsync(1500)
    expect(api.papers[3]?.read).toBe(false)
  })
})

describe('notes', () => {
  it('saves a note within a second of typing, once', async () => {
    vi.useFakeTimers()
    await dogear.openPaper(4, 3)
    dogear.editNote('F')
    dogear.editNote('First thoughts')
    await vi.advanceTimersByTimeAsync(NOTE_SAVE_DELAY_MS + 10)
    expect(NOTE_SAVE_DELAY_MS).toBeLessThanOrEqual(1000)
    expect(api.papers[3]?.note).toBe('First thoughts')
    expect(api.calls.filter((c) => c.operation === 'saveNote')).toHaveLength(1)
    expect(dogear.reader.getState().note.status).toBe('saved')
  })

  it('saves at once when switching papers', async () => {
    await dogear.openPaper(4, 3)
    dogear.editNote('Unfinished')
    await dogear.openPaper(5, 4)
    await settle()
    expect(api.papers[3]?.note).toBe('Unfinished')
  })

  it('never loses a note whose save failed', async () => {
    await dogear.openPaper(4, 3)
    dogear.editNote('Precious words')
    api.failNext('saveNote', 'database is locked')
    expect(await dogear.flushNote()).toBe(false)
    expect(dogear.reader.getState().note).toMatchObject({ text: 'Precious words', status: 'error' })
    expect(dogear.reader.getState().note.error).toContain('The library is busy with another change')
    await dogear.openPaper(5, 4)
    await dogear.openPaper(4, 3)
    expect(dogear.reader.getState().note.text).toBe('Precious words')
    expect(await dogear.flushNote()).toBe(true)
    expect(api.papers[3]?.note).toBe('Precious words')
  })
})

describe('saved searches', () => {
  it('opens one as a list of its own, and its unread count follows an import', async () => {
    dogear.selection.setState({ query: 'number 24' })
    expect(await dogear.saveCurrentSearch('Twenty-fours')).toBe(true)
    const saved = dogear.sources.getState().savedSearches[0]!
    // "number 24" and "number 240" to "number 249".
    expect(saved).toMatchObject({ name: 'Twenty-fours', unread: 11 })

    await dogear.openSavedSearch(saved)
    expect(dogear.selection.getState()).toMatchObject({
      query: '',
      filter: { kind: 'savedSearch', savedSearchId: saved.id }
    })
    expect(dogear.papers.getState()).toMatchObject({ total: 11, searched: false })
    expect(row(0)?.title).toBe('Invented paper number 24')

    api.papers.push(fakePaper(2400))
    await dogear.importDropped([{ name: 'digest.txt', text: () => Promise.resolve('Some digest') }])
    await settle()
    expect(dogear.sources.getState().savedSearches[0]).toMatchObject({ unread: 12 })
    expect(dogear.papers.getState().total).toBe(12)

    await dogear.deleteSavedSearch(saved.id)
    expect(dogear.selection.getState().filter).toEqual({ kind: 'all' })
  })
})

describe('imports', () => {
  it('imports dropped files as text when no path is known, and shows the report', async () => {
    const reports = await dogear.importDropped([{ name: 'digest.txt', text: () => Promise.resolve('Some digest') }])
    expect(api.calls.find((c) => c.operation === 'importText')?.args).toEqual({
      text: 'Some digest',
      name: 'digest.txt'
    })
    expect(reports).toHaveLength(1)
    expect(dogear.ui.getState().dialog).toBe('import')
  })

  it('imports dropped files by the token main gave for each', async () => {
    const token = 'a'.repeat(32)
    await dogear.importDropped([{ name: 'a.txt', text: () => Promise.resolve('x') }], async () => token)
    expect(api.calls.find((c) => c.operation === 'importFiles')?.args).toEqual({ tokens: [token] })
  })

  it('imports the clipboard through main, saying when it is empty', async () => {
    await dogear.pasteDigest()
    expect(api.calls.filter((c) => c.operation === 'importClipboard')).toHaveLength(1)
    expect(api.calls.some((c) => c.operation === 'importText')).toBe(false)
    expect(dogear.ui.getState().dialog).toBe('import')
  })
})
