import { describe, expect, it } from 'vitest'
import { bulkLabels, inverseOf } from '../../../src/renderer/src/actions/bulk'
import { deletionSummary } from '../../../src/renderer/src/actions/trash'
import { menuItems, type MenuSubject } from '../../../src/renderer/src/lib/menuItems'
import { tagSuggestions } from '../../../src/renderer/src/lib/tagSuggestions'
import { sourceName } from '../../../src/renderer/src/lib/sourceName'

const tags = [
  { id: 1, name: 'To read', count: 12 },
  { id: 2, name: 'Thesis', count: 40 },
  { id: 3, name: 'Later, maybe', count: 2 },
  { id: 4, name: 'toolkits', count: 30 }
]

describe('tag completion', () => {
  it('offers tags starting with what is typed first, then containing it, case aside, most used first', () => {
    expect(tagSuggestions('to', tags).map((t) => t.name)).toEqual(['toolkits', 'To read'])
    expect(tagSuggestions('a', tags).map((t) => t.name)).toEqual(['To read', 'Later, maybe'])
    expect(tagSuggestions('', tags).map((t) => t.name)).toEqual(['Thesis', 'toolkits', 'To read', 'Later, maybe'])
  })

  it("leaves out the paper's own tags", () => {
    expect(tagSuggestions('t', tags, ['thesis']).map((t) => t.name)).toEqual(['toolkits', 'To read', 'Later, maybe'])
  })
})

describe('context menu items', () => {
  const one: MenuSubject = { kind: 'papers', paperId: 4, what: '“A”', read: true, starred: false }
  const many: MenuSubject = { kind: 'papers', paperId: null, what: '12 papers', read: null, starred: null }

  it('offers the other state of one paper, both for a selection, and reveal only for one paper', () => {
    expect(menuItems(one, { canExport: false }).map((i) => i.label)).toEqual([
      'Mark Unread',
      'Star',
      'Tag…',
      'Move to Trash',
      'Reveal Source File'
    ])
    expect(menuItems(many, { canExport: true }).map((i) => i.label)).toEqual([
      'Mark Read',
      'Mark Unread',
      'Star',
      'Unstar',
      'Tag…',
      'Export…',
      'Move to Trash'
    ])
  })

  it('offers mark all read on a digest only while it has unread papers', () => {
    const digest = (unread: number): MenuSubject => ({ kind: 'digest', digestId: 1, title: 'Monday', unread })
    expect(menuItems(digest(3), { canExport: false }).map((i) => i.command)).toEqual([
      'markDigestRead',
      'reveal',
      'deleteDigest'
    ])
    expect(menuItems(digest(0), { canExport: false }).map((i) => i.command)).toEqual(['reveal', 'deleteDigest'])
  })
})

describe('what a bulk action says, and what undoes it', () => {
  it('labels each action and its undo', () => {
    expect(bulkLabels({ kind: 'read', value: true }, '20,000 papers')).toEqual([
      'Marked 20,000 papers read',
      'Marked 20,000 papers unread'
    ])
    expect(bulkLabels({ kind: 'tag', name: 'to read' }, '3 papers', 'To read')).toEqual([
      'Tagged 3 papers “To read”',
      'Untagged 3 papers “To read”'
    ])
    expect(bulkLabels({ kind: 'trash' }, '“A”')).toEqual(['Moved “A” to the trash', 'Restored “A” from the trash'])
  })

  it('undoes a change with its opposite; the trash is undone by restoring', () => {
    expect(inverseOf({ kind: 'star', value: true })).toEqual({ kind: 'star', value: false })
    expect(inverseOf({ kind: 'untag', name: 'x' })).toEqual({ kind: 'tag', name: 'x' })
    expect(inverseOf({ kind: 'trash' })).toBeNull()
  })

  it('says what deleting a digest did', () => {
    expect(deletionSummary('Monday', { trashed: [1, 2], kept: 1 })).toBe(
      'Deleted the digest “Monday”: 2 papers to the trash; 1 paper other digests list stayed'
    )
  })

  it('names a tag list by its tag', () => {
    expect(sourceName({ kind: 'tag', tagId: 2 }, [], [], tags)).toBe('Tag “Thesis”')
  })
})
