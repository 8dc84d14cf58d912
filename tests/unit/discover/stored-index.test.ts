import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDiscoverEngine } from '../../../src/main/discover/engine'
import { MODEL_FORMAT } from '../../../src/main/discover/index-state'
import { recommendedPage, relatedPapers } from '../../../src/main/discover/lists'
import { openLibrary, type Library } from '../../../src/main/library'
import { digest, tempFolder, track } from '../library/helpers'
import { themed, themedLibraryEntries, type Theme } from './fixtures'

function fileLibrary(): { path: string; themeOf: Map<number, Theme>; reopen: () => Library } {
  const path = join(tempFolder(), 'library.sqlite')
  const library = openLibrary(path)
  const entries = themedLibraryEntries()
  library.importDigest(digest(entries.map((e) => e.entry)))
  library.close()
  const themeOf = new Map<number, Theme>()
  for (const [i, e] of entries.entries()) themeOf.set(i + 1, e.theme)
  return { path, themeOf, reopen: () => track(openLibrary(path)) }
}

function idsOf(themeOf: Map<number, Theme>, theme: Theme): number[] {
  return [...themeOf].filter(([, t]) => t === theme).map(([id]) => id)
}

async function recommendedIds(library: Library, engine = createDiscoverEngine(library.discover), limit = 50) {
  const page = await recommendedPage(library, engine, { filter: { kind: 'recommended' }, limit })
  return { ids: page.items.map((p) => p.id), total: page.total, page }
}

describe('the stored index', () => {
  it('survives reopening the library: the next start loads it and ranks as the last one did', async () => {
    const { themeOf, reopen } = fileLibrary()
    const first = reopen()
    const moss = idsOf(themeOf, 'moss')
    first.setStarred(moss.slice(0, 3), true)
    const engine = createDiscoverEngine(first.discover)
    const before = await recommendedIds(first, engine)
    expect(engine.origin()).toBe('built')
    const relatedBefore = (await relatedPapers(first, engine, moss[0]!, 5)).map((p) => p.id)
    first.close()

    const second = reopen()
    const restarted = createDiscoverEngine(second.discover)
    const after = await recommendedIds(second, restarted)
    expect(restarted.origin()).toBe('stored')
    expect(after.ids).toEqual(before.ids)
    expect((await relatedPapers(second, restarted, moss[0]!, 5)).map((p) => p.id)).toEqual(relatedBefore)
  })

  it('follows a star and a read after loading', async () => {
    const { themeOf, reopen } = fileLibrary()
    const first = reopen()
    const gravel = idsOf(themeOf, 'gravel')
    first.setStarred(gravel.slice(0, 3), true)
    await recommendedIds(first)
    first.close()

    const second = reopen()
    const engine = createDiscoverEngine(second.discover)
    const loaded = await recommendedIds(second, engine)
    expect(loaded.ids.slice(0, 5).map((id) => themeOf.get(id))).toEqual(Array(5).fill('gravel'))
    const moss = idsOf(themeOf, 'moss')
    // Stars on another theme now outnumber the first ones: the list turns to it.
    second.setStarred(moss.slice(0, 5), true)
    second.markRead([loaded.ids[0]!], true)
    const followed = await recommendedIds(second, engine)
    expect(engine.origin()).toBe('stored')
    expect(followed.ids).not.toContain(loaded.ids[0])
    expect(followed.total).toBe(loaded.total - 6)
    expect(followed.ids.slice(0, 3).map((id) => themeOf.get(id))).toEqual(['moss', 'moss', 'moss'])
  })

  it('takes in papers imported while the app was closed, and drops papers removed for good', async () => {
    const { themeOf, reopen } = fileLibrary()
    const first = reopen()
    const moss = idsOf(themeOf, 'moss')
    first.setStarred(moss.slice(0, 3), true)
    first.markRead(moss.slice(3), true)
    const before = await recommendedIds(first)
    first.close()

    const offline = reopen()
    offline.importDigest(digest([themed('moss', 40), themed('gravel', 41)], { date: '2024-03-13' }))
    const gone = before.ids[before.ids.length - 1]!
    offline.trashPapers([gone])
    offline.emptyTrash()
    offline.close()

    const next = reopen()
    const engine = createDiscoverEngine(next.discover)
    const after = await recommendedIds(next, engine)
    expect(engine.origin()).toBe('stored')
    expect(after.page.items[0]!.title).toBe(themed('moss', 40).title)
    expect(after.ids).not.toContain(gone)
    expect(after.total).toBe(before.total + 2 - 1)
    expect(after.ids).toHaveLength(after.total)
  })

  it('takes in a paper restored from the trash that was there when the index was built', async () => {
    const { themeOf, reopen } = fileLibrary()
    const first = reopen()
    const moss = idsOf(themeOf, 'moss')
    first.setStarred(moss.slice(0, 3), true)
    first.trashPapers([moss[3]!])
    const engine = createDiscoverEngine(first.discover)
    const before = await recommendedIds(first, engine)
    expect(before.ids).not.toContain(moss[3])
    first.restorePapers([moss[3]!])
    const restored = await recommendedIds(first, engine)
    expect(restored.ids.slice(0, 5)).toContain(moss[3])
    expect(restored.total).toBe(before.total + 1)
    first.close()

    const next = reopen()
    expect((await recommendedIds(next)).ids).toEqual(restored.ids)
  })

  it("keeps one process's saves whole when two follow the same library (the app and the command line)", async () => {
    const { themeOf, reopen } = fileLibrary()
    const setup = reopen()
    setup.setStarred(idsOf(themeOf, 'moss').slice(0, 3), true)
    await recommendedIds(setup)
    setup.close()

    const app = reopen()
    const cli = reopen()
    const appEngine = createDiscoverEngine(app.discover)
    const cliEngine = createDiscoverEngine(cli.discover)
    await recommendedIds(app, appEngine)
    await recommendedIds(cli, cliEngine)
    app.importDigest(digest([themed('moss', 50)], { date: '2024-03-14' }))
    const first = await recommendedIds(cli, cliEngine)
    cli.importDigest(digest([themed('moss', 51)], { date: '2024-03-15' }))
    // The app saves after the command line did: it finds the index moved and leaves it.
    const second = await recommendedIds(app, appEngine)
    expect(second.total).toBe(first.total + 1)
    app.close()
    cli.close()

    const next = reopen()
    const engine = createDiscoverEngine(next.discover)
    const loaded = await recommendedIds(next, engine)
    expect(engine.origin()).toBe('stored')
    expect(loaded.ids).toEqual(second.ids)
  })

  it('is built again when it was stored in another format (a newer Dogear, say)', async () => {
    const { themeOf, reopen } = fileLibrary()
    const first = reopen()
    first.setStarred(idsOf(themeOf, 'kettle').slice(0, 3), true)
    const stored = await recommendedIds(first)
    const head = first.discover.model.head()!
    first.discover.model.save({ ...head, format: MODEL_FORMAT + 1, meta: '{"written by":"a newer app"}' }, [], null)
    first.close()

    const second = reopen()
    const engine = createDiscoverEngine(second.discover)
    const rebuilt = await recommendedIds(second, engine)
    expect(engine.origin()).toBe('built')
    expect(rebuilt.ids).toEqual(stored.ids)
    expect(second.discover.model.head()!.format).toBe(MODEL_FORMAT)
  })

  it('is built again when a chunk of it is missing', async () => {
    const { themeOf, reopen } = fileLibrary()
    const first = reopen()
    first.setStarred(idsOf(themeOf, 'kettle').slice(0, 3), true)
    const stored = await recommendedIds(first)
    const head = first.discover.model.head()!
    first.discover.model.save({ ...head, generation: head.generation + 1 }, [], null)
    first.close()

    const second = reopen()
    const engine = createDiscoverEngine(second.discover)
    expect((await recommendedIds(second, engine)).ids).toEqual(stored.ids)
    expect(engine.origin()).toBe('built')
  })
})
