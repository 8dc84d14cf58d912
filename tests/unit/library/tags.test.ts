import { describe, expect, it } from 'vitest'
import { digest, memoryLibrary, paper, titles } from './helpers'

function library3() {
  const library = memoryLibrary()
  library.importDigest(digest([paper('Gravel Lattices'), paper('Humming Kettles'), paper('Sleepy Robots')]))
  return library
}

describe('tags', () => {
  it('tags papers, compares names case-insensitively and keeps the first spelling', () => {
    const library = library3()
    expect(library.tagPapers('To Read', [1, 2])).toEqual({ tag: 'To Read', changed: [1, 2] })
    expect(library.tagPapers('  to   read ', [2, 3])).toEqual({ tag: 'To Read', changed: [3] })
    expect(library.tags()).toEqual([{ id: 1, name: 'To Read', count: 3 }])
    expect(library.getPaper(2)?.tags).toEqual(['To Read'])
  })

  it('lists the papers of a tag, and its unread ones are what "mark all read" changes', () => {
    const library = library3()
    library.tagPapers('ml', [1, 3])
    library.tagPapers('Art', [2])
    expect(library.tags().map((t) => [t.name, t.count])).toEqual([
      ['Art', 1],
      ['ml', 2]
    ])
    const ml = library.tags().find((t) => t.name === 'ml')!
    expect(titles(library.listPapers({ filter: { kind: 'tag', tagId: ml.id } }).items)).toEqual([
      'Gravel Lattices',
      'Sleepy Robots'
    ])
    library.markRead([1], true)
    expect(library.markAllRead({ kind: 'tag', tagId: ml.id })).toEqual({ changed: [3] })
    expect(() => library.listPapers({ filter: { kind: 'tag', tagId: 99 } })).toThrow('There is no tag with id 99')
  })

  it('untags, and a tag no paper carries any more is gone', () => {
    const library = library3()
    library.tagPapers('ml', [1, 2])
    expect(library.untagPapers('ML', [2, 3])).toEqual({ tag: 'ml', changed: [2] })
    expect(library.untagPapers('ml', [1])).toEqual({ tag: 'ml', changed: [1] })
    expect(library.tags()).toEqual([])
    expect(() => library.untagPapers('ml', [1])).toThrow('There is no tag named "ml"')
  })

  it('renames a tag, and renaming onto another tag merges the two', () => {
    const library = library3()
    library.tagPapers('nlp', [1])
    library.tagPapers('Language', [2, 1])
    expect(library.renameTag('nlp', 'NLP')).toEqual({ tag: 'NLP', merged: false, papers: 1 })
    expect(library.renameTag('NLP', 'language')).toEqual({ tag: 'Language', merged: true, papers: 2 })
    expect(library.tags().map((t) => [t.name, t.count])).toEqual([['Language', 2]])
    expect(library.getPaper(1)?.tags).toEqual(['Language'])
  })

  it('refuses empty, overlong and unknown things without changing anything', () => {
    const library = library3()
    expect(() => library.tagPapers('   ', [1])).toThrow('A tag needs a name')
    expect(() => library.tagPapers('x'.repeat(65), [1])).toThrow('at most 64 characters')
    expect(() => library.tagPapers('ml', [1, 42])).toThrow('There is no paper with id 42')
    expect(library.tags()).toEqual([])
  })

  it('deletes a tag from every paper, answering which papers had it', () => {
    const library = library3()
    library.tagPapers('ml', [3, 1])
    expect(library.deleteTag('ML')).toEqual({ tag: 'ml', papers: [1, 3] })
    expect(library.getPaper(1)?.tags).toEqual([])
  })
})

describe('subjects', () => {
  it("keeps the sources' keywords, adds those a later digest brings, and shows them on the paper", () => {
    const library = memoryLibrary()
    library.importDigest(
      digest([paper('Gravel Lattices', { arxivId: '2401.00001', subjects: ['cs.CL', 'cs.LG', 'cs.cl'] })])
    )
    const again = library.importDigest(
      digest([paper('Gravel Lattices', { arxivId: '2401.00001', subjects: ['cs.LG', 'stat.ML'] })], {
        date: '2024-03-13'
      })
    )
    expect(again).toMatchObject({ merged: 1, unchanged: 0 })
    expect(library.getPaper(1)?.subjects).toEqual(['cs.CL', 'cs.LG', 'stat.ML'])
    expect(library.getPaper(1)?.tags).toEqual([])
  })

  it('turns JabRef groups into tags only when the import asks for it', () => {
    const library = memoryLibrary()
    library.importDigest(digest([paper('Gravel Lattices', { groups: ['Thesis'] })]))
    expect(library.tags()).toEqual([])
    library.importDigest({
      ...digest([paper('Humming Kettles', { groups: ['Thesis', 'Reading group'] })]),
      groupsAsTags: true
    })
    expect(library.tags().map((t) => [t.name, t.count])).toEqual([
      ['Reading group', 1],
      ['Thesis', 1]
    ])
  })
})
