// The multi-selection and bulk actions against the fake api: what main is asked, and the undo.
import { beforeEach, describe, expect, it } from 'vitest'
import { createDogear, type Dogear } from '../../../src/renderer/src/actions'
import { pickedCount } from '../../../src/renderer/src/lib/multiSelect'
import { createFakeApi, type FakeApi } from './fakeApi'

let api: FakeApi
let dogear: Dogear

beforeEach(async () => {
  api = createFakeApi({ papers: 250 })
  dogear = createDogear(api)
  await dogear.start()
})

const calls = (operation: string) => api.calls.filter((c) => c.operation === operation).map((c) => c.args)

describe('bulk actions', () => {
  it('acts on a whole list in one request naming the list, and undoes it by the ids it changed', async () => {
    dogear.selectAll()
    expect(pickedCount(dogear.picked.getState(), dogear.papers.getState().total)).toBe(250)
    await dogear.act({ kind: 'read', value: true })
    expect(calls('actOnPapers')).toEqual([
      { target: { filter: { kind: 'all' } }, action: { kind: 'read', value: true } }
    ])
    expect(api.papers.every((p) => p.read)).toBe(true)
    expect(dogear.ui.getState().status?.text).toBe('Marked 250 papers read. Ctrl+Z undoes it.')
    // The rows on screen follow without being fetched again.
    expect(
      dogear.papers
        .getState()
        .cache.pages.get(0)
        ?.every((row) => row.read)
    ).toBe(true)

    await dogear.undo()
    const undo = calls('actOnPapers')[1] as { target: { ids: number[] }; action: unknown }
    expect(undo.action).toEqual({ kind: 'read', value: false })
    expect(undo.target.ids).toHaveLength(250)
    expect(api.papers.some((p) => p.read)).toBe(false)
    expect(dogear.ui.getState().status?.text).toBe('Undo: marked 250 papers unread.')
  })

  it('records nothing when nothing changed', async () => {
    dogear.selectAll()
    await dogear.act({ kind: 'star', value: false })
    expect(dogear.ui.getState().history.done).toEqual([])
    expect(dogear.ui.getState().status?.text).toContain('Nothing to change')
  })

  it('moves the picked papers to the trash and restores them with one undo', async () => {
    await dogear.pickWithPointer({ index: 0, id: 1, range: false, toggle: true })
    await dogear.pickWithPointer({ index: 4, id: 5, range: true, toggle: false })
    expect([...dogear.picked.getState().ids].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5])
    await dogear.act({ kind: 'trash' })
    expect(api.papers).toHaveLength(245)
    expect(dogear.papers.getState().total).toBe(245)
    expect(dogear.picked.getState().ids.size).toBe(0)
    await dogear.undo()
    expect(calls('restorePapers')).toEqual([{ ids: [1, 2, 3, 4, 5] }])
    expect(dogear.ui.getState().status?.text).toBe('Undo: restored 5 papers from the trash.')
  })

  it('leaves the multi-selection when the list changes', async () => {
    dogear.selectAll()
    await dogear.setFilter({ kind: 'unread' })
    expect(dogear.picked.getState().all).toBe(false)
  })
})
