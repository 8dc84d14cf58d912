import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileNamer, perPaperMarkdown, safeFileStem } from '../../../src/main/export/per-paper'
import { fixturePapers } from './fixture'

const papers = fixturePapers()

describe('per-paper Markdown files', () => {
  it('name files after titles, safe on every system and never a path', () => {
    expect(safeFileStem('../../etc/passwd')).toBe('etc passwd')
    expect(safeFileStem('A/B: testing? "yes" <no> | *maybe*')).toBe('A B testing yes no maybe')
    expect(safeFileStem('CON')).toBe('_CON')
    expect(safeFileStem('...hidden. ')).toBe('hidden')
    expect(safeFileStem('\u0000\u001f')).toBe('Untitled')
    expect(safeFileStem('Counting Sheep with $\\omega$-Regular Automata')).toBe(
      'Counting Sheep with $omega$-Regular Automata'
    )
    expect([...safeFileStem('x'.repeat(300))]).toHaveLength(80)
  })

  it('make names unique in one export, compared without case', () => {
    const nameOf = createFileNamer()
    const same = { ...papers[0]!, title: 'Same Title' }
    expect([nameOf(same), nameOf({ ...same, title: 'same title' }), nameOf(same)]).toEqual([
      'Same Title.md',
      'same title (2).md',
      'Same Title (3).md'
    ])
  })

  it('hold front matter as JSON values, the links, the abstract and the note as written', () => {
    const text = perPaperMarkdown(papers[0]!)
    expect(text).toMatch(/^---\ntitle: "Sparse Lanterns: .*"\nauthors: \["Zofia Kowalczyk",/)
    expect(text).toContain('tags: ["To-read","Attention"]\n')
    expect(text).toContain('read: true\nstarred: true\n---\n')
    expect(text).toContain('- [code](<https://github.com/example-lab/sparse-lanterns>)')
    expect(text).toContain('## Note\n\nCompare with **RetNet**.\n\n- section 3 has the proof\n- try on our corpus\n')
  })

  it('stay inside the folder whatever the titles hold', async () => {
    const { exportToFolder } = await import('../../../src/main/export/output')
    const folder = mkdtempSync(join(tmpdir(), 'dogear-vault-'))
    try {
      const hostile = ['../escape', '/etc/absolute', 'C:\\windows\\x', '..', 'nul'].map((title, i) => ({
        ...papers[0]!,
        id: i + 1,
        title
      }))
      const library = {
        exportPapers: (_selection: unknown, onBatch: (batch: typeof hostile) => void) => (
          onBatch(hostile),
          hostile.length
        )
      }
      const outcome = exportToFolder(
        library as never,
        { selection: { ids: [] }, meta: { exportedAt: '', title: '' } },
        folder
      )
      expect(outcome.files).toEqual({ written: 5, kept: 0 })
      expect(readdirSync(folder).sort()).toEqual([
        'C windowsx.md',
        'Untitled.md',
        '_nul.md',
        'escape.md',
        'etc absolute.md'
      ])
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
