import { describe, expect, it } from 'vitest'
import { createDiscoverEngine } from '../../../src/main/discover/engine'
import { recommendedPage, relatedPapers } from '../../../src/main/discover/lists'
import type { Library } from '../../../src/main/library'
import { digest, memoryLibrary } from '../library/helpers'
import { themed, themedLibraryEntries, type Theme } from './fixtures'

function themedLibrary(): { library: Library; themeOf: Map<number, Theme> } {
  const library = memoryLibrary()
  const entries = themedLibraryEntries()
  library.importDigest(digest(entries.map((e) => e.entry)))
  const themeOf = new Map<number, Theme>()
  for (const [i, e] of entries.entries()) themeOf.set(i + 1, e.theme)
  return { library, themeOf }
}

function idsOf(library: Library, themeOf: Map<number, Theme>, theme: Theme): number[] {
  return [...themeOf].filter(([, t]) => t === theme).map(([id]) => id)
}

async function recommended(library: Library, engine = createDiscoverEngine(library.discover), limit = 5) {
  return recommendedPage(library, engine, { filter: { kind: 'recommended' }, limit })
}

describe('more like what I starred', () => {
  it('says what it needs with fewer than 3 stars', async () => {
    const { library, themeOf } = themedLibrary()
    library.setStarred(idsOf(library, themeOf, 'kettle').slice(0, 2), true)
    const page = await recommended(library)
    expect(page.items).toEqual([])
    expect(page.notice).toBe('Star 1 more paper to get suggestions like them (2 starred so far, 3 needed).')
  })

  it('ranks unread papers of the starred theme first, each with the starred papers and terms it shares', async () => {
    const { library, themeOf } = themedLibrary()
    const kettles = idsOf(library, themeOf, 'kettle')
    library.setStarred(kettles.slice(0, 3), true)
    const page = await recommended(library)
    expect(page.items.map((p) => themeOf.get(p.id))).toEqual(['kettle', 'kettle', 'kettle', 'kettle', 'kettle'])
    expect(page.items.every((p) => !p.starred && !p.read)).toBe(true)
    expect(page.total).toBe(24 - 3)
    const reason = page.items[0]!.recommendation!
    expect(reason.like.length).toBeGreaterThan(0)
    expect(reason.like.every((like) => kettles.slice(0, 3).includes(like.id))).toBe(true)
    expect(reason.like[0]!.title).toMatch(/kettle|spout|steam/)
    expect(reason.terms.length).toBeGreaterThan(0)
    expect(reason.terms.join(' ')).toMatch(/kettle|spout|steam|whistl|copper|resonance|pitch|harmonics/)
  })

  it('never suggests read or dismissed papers, and follows stars, reads and dismissals', async () => {
    const { library, themeOf } = themedLibrary()
    const kettles = idsOf(library, themeOf, 'kettle')
    library.setStarred(kettles.slice(0, 3), true)
    const engine = createDiscoverEngine(library.discover)
    const first = await recommended(library, engine, 50)
    const top = first.items[0]!.id
    library.markRead([top], true)
    const second = first.items[1]!.id
    expect(library.discover.dismiss([second], true)).toEqual([second])
    const after = await recommended(library, engine, 50)
    const shown = after.items.map((p) => p.id)
    expect(shown).not.toContain(top)
    expect(shown).not.toContain(second)
    expect(after.total).toBe(first.total - 2)
    library.discover.dismiss([second], false)
    expect((await recommended(library, engine, 50)).items.map((p) => p.id)).toContain(second)
  })

  it('ranks after a star as a fresh start would (the model is retrained from where it was)', async () => {
    const { library, themeOf } = themedLibrary()
    const moss = idsOf(library, themeOf, 'moss')
    library.setStarred(moss.slice(0, 3), true)
    const engine = createDiscoverEngine(library.discover)
    await recommended(library, engine, 10)
    library.setStarred([moss[3]!], true)
    library.markRead([moss[4]!], true)
    const followed = (await recommended(library, engine, 10)).items.map((p) => p.id)
    const fresh = (await recommended(library, createDiscoverEngine(library.discover), 10)).items.map((p) => p.id)
    expect(followed).toEqual(fresh)
    expect(followed.slice(0, 3).map((id) => themeOf.get(id))).toEqual(['moss', 'moss', 'moss'])
  })

  it('pages through the ranking in one order', async () => {
    const { library, themeOf } = themedLibrary()
    library.setStarred(idsOf(library, themeOf, 'moss').slice(0, 3), true)
    const engine = createDiscoverEngine(library.discover)
    const page = (offset: number, limit: number) =>
      recommendedPage(library, engine, { filter: { kind: 'recommended' }, offset, limit })
    const whole = (await page(0, 50)).items.map((p) => p.id)
    expect(whole).toHaveLength(21)
    const pieces = [...(await page(0, 4)).items, ...(await page(4, 10)).items, ...(await page(14, 10)).items]
    expect(pieces.map((p) => p.id)).toEqual(whole)
  })

  it('picks up papers imported after the first ranking', async () => {
    const { library, themeOf } = themedLibrary()
    library.setStarred(idsOf(library, themeOf, 'moss').slice(0, 3), true)
    const engine = createDiscoverEngine(library.discover)
    await recommended(library, engine)
    library.markRead(idsOf(library, themeOf, 'moss').slice(3), true)
    library.importDigest(digest([themed('moss', 40), themed('gravel', 41)], { date: '2024-03-13' }))
    const page = await recommended(library, engine, 1)
    expect(page.items[0]!.title).toBe(themed('moss', 40).title)
  })

  it('orders any list by the recommendation with the recommended sort', async () => {
    const { library, themeOf } = themedLibrary()
    library.setStarred(idsOf(library, themeOf, 'gravel').slice(0, 3), true)
    const page = await recommendedPage(library, createDiscoverEngine(library.discover), {
      filter: { kind: 'all' },
      sort: 'recommended',
      limit: 8
    })
    expect(page.total).toBe(24)
    expect(page.items.map((p) => themeOf.get(p.id))).toEqual(Array(8).fill('gravel'))
  })
})

describe('trashed papers', () => {
  it('are never suggested nor listed as related, and come back when restored', async () => {
    const { library, themeOf } = themedLibrary()
    const gravel = idsOf(library, themeOf, 'gravel')
    library.setStarred(gravel.slice(0, 3), true)
    const engine = createDiscoverEngine(library.discover)
    const before = await recommended(library, engine, 50)
    const relatedBefore = await relatedPapers(library, engine, gravel[0]!, 5)
    const trashed = [before.items[0]!.id, relatedBefore[0]!.id]
    library.trashPapers(trashed)

    const after = await recommended(library, engine, 50)
    expect(after.items.map((p) => p.id)).not.toContain(trashed[0])
    expect(after.items.map((p) => p.id)).not.toContain(trashed[1])
    expect(after.total).toBe(before.total - new Set(trashed).size)
    const sorted = await recommendedPage(library, engine, { filter: { kind: 'all' }, sort: 'recommended', limit: 50 })
    expect(sorted.items.map((p) => p.id)).not.toContain(trashed[0])
    const related = await relatedPapers(library, engine, gravel[0]!, 5)
    expect(related).toHaveLength(5)
    expect(related.map((p) => p.id)).not.toContain(trashed[1])
    expect(await relatedPapers(library, engine, trashed[1]!, 5)).toEqual([])
    // A fresh engine (the next start) reads the same trash.
    const fresh = await recommended(library, createDiscoverEngine(library.discover), 50)
    expect(fresh.items.map((p) => p.id)).not.toContain(trashed[0])

    library.restorePapers(trashed)
    expect((await recommended(library, engine, 50)).items.map((p) => p.id)).toContain(trashed[0])
  })
})

describe('related papers', () => {
  it('lists the closest papers of the same theme, not the paper itself', async () => {
    const { library, themeOf } = themedLibrary()
    const gravel = idsOf(library, themeOf, 'gravel')
    const related = await relatedPapers(library, createDiscoverEngine(library.discover), gravel[0]!, 5)
    expect(related).toHaveLength(5)
    expect(related.map((p) => p.id)).not.toContain(gravel[0])
    expect(related.map((p) => themeOf.get(p.id))).toEqual(Array(5).fill('gravel'))
    expect(related[0]!.similarity).toBeGreaterThanOrEqual(related[4]!.similarity)
  })
})
