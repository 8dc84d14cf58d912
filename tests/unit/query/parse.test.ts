import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileQuery } from '../../../src/main/library/search-compile'
import { correctionNotice, describeQuery, parseQuery, type QueryNode } from '../../../src/shared/query'
import { MAX_DEPTH } from '../../../src/shared/query/parse'
import { memoryLibrary, digest, paper } from '../library/helpers'

function understood(text: string): string {
  return describeQuery(parseQuery(text)).join(' · ')
}

function depth(node: QueryNode | null): number {
  if (node === null) return 0
  if (node.kind === 'and' || node.kind === 'or') return 1 + Math.max(...node.children.map(depth))
  if (node.kind === 'not') return 1 + depth(node.child)
  return 1
}

describe('reading a query', () => {
  it('reads words, phrases, OR, exclusions and groups', () => {
    expect(understood('linear attention')).toBe("'linear' · 'attention…'")
    expect(understood('linear attention ')).toBe("'linear' · 'attention'")
    expect(understood('"in-context learning"')).toBe('"in context learning"')
    expect(understood('self-attention')).toBe('"self attention…"')
    expect(understood('mamba OR agent')).toBe("'mamba' or 'agent…'")
    expect(understood('mamba NOT survey')).toBe("'mamba' · excluding 'survey'")
    expect(understood('-survey mamba')).toBe("excluding 'survey' · 'mamba…'")
    expect(understood('-"state space" (rnn OR lstm) x')).toBe(`excluding "state space" · 'rnn' or 'lstm' · 'x…'`)
    expect(understood('-(a OR b) c')).toBe("excluding ('a' or 'b') · 'c…'")
  })

  it('reads fields and states', () => {
    expect(understood('title:survey is:unread -diffusion')).toBe("title: 'survey' · unread · excluding 'diffusion'")
    expect(understood('author:"Yann LeCun" abstract:memory note:todo')).toBe(
      `author: "Yann LeCun" · abstract: 'memory' · note: 'todo…'`
    )
    expect(understood('is:read is:starred has:code has:note has:abstract')).toBe(
      'read · starred · has code · has note · has abstract'
    )
    expect(understood('year:2024 year:2020..2023 year:2021.. before:2024-03 after:2023-12-31')).toBe(
      'year 2024 · years 2020–2023 · year 2021 or later · before 2024-03 · after 2023-12-31'
    )
    expect(understood('arxiv:2403.12345v2 doi:https://doi.org/10.1000/ABC')).toBe('arXiv 2403.12345 · DOI 10.1000/abc')
    expect(understood('tag:reading subject:"cs LG" digest:3 digest:hugging')).toBe(
      'tag: reading · subject: cs LG · digest 3 · digest: hugging'
    )
  })

  it('reads mistakes as plain words instead of failing', () => {
    expect(understood('toast AND (')).toBe("'toast'")
    expect(understood('AND toast')).toBe("'AND' · 'toast…'")
    expect(understood('toast OR')).toBe("'toast' · 'OR'")
    expect(understood('OR toast')).toBe("'OR' · 'toast…'")
    expect(understood('toast NOT')).toBe("'toast' · 'NOT'")
    expect(understood('"unclosed phrase')).toBe("'unclosed' · 'phrase…'")
    expect(understood('a) b')).toBe("'a' · 'b…'")
    expect(understood('year:soon is:happy')).toBe('"year soon" · "is happy…"')
    expect(understood('color:red')).toBe('"color red…"')
    expect(understood('title: *')).toBe('')
    expect(understood('* : - " ( )')).toBe('')
    expect(parseQuery('')).toBeNull()
  })

  it('keeps nesting bounded', () => {
    const deep = '('.repeat(500) + 'a' + ')'.repeat(500)
    expect(understood(deep)).toBe("'a'")
    expect(depth(parseQuery('(a OR '.repeat(100) + 'b'))).toBeLessThanOrEqual(MAX_DEPTH * 2 + 2)
    expect(depth(parseQuery('NOT '.repeat(1000) + 'a'))).toBeLessThanOrEqual(2)
  })

  it('says which typo it corrected', () => {
    expect(correctionNotice([{ word: 'tranformer', replacement: 'transformer' }])).toBe(
      "No papers for 'tranformer'; showing 'transformer'"
    )
    expect(correctionNotice([])).toBeNull()
  })

  it('compiles to FTS5 with every value kept out of the SQL text', () => {
    const plan = compileQuery(parseQuery(`title:"a'b" year:2024 doi:10.1/x'); DROP TABLE papers; --`)!)
    expect(plan.match).toContain('({title} : ("a b")) AND ("drop")')
    for (const condition of plan.conditions) expect(condition.sql).not.toMatch(/DROP|2024|10\.1/)
    expect(plan.conditions.flatMap((c) => c.params)).toContain('2024')
  })
})

describe('any text is a query that runs', () => {
  const syntax = fc.constantFrom(
    '(',
    ')',
    '"',
    '-',
    ':',
    '*',
    ' ',
    'OR',
    'AND',
    'NOT',
    'NEAR',
    'title:',
    'author:',
    'is:unread',
    'has:code',
    'year:',
    '..',
    'before:',
    'arxiv:',
    'doi:',
    'tag:',
    'digest:',
    'robots',
    'att',
    'a',
    '{',
    '}',
    '^',
    "'",
    '\\'
  )
  const queryText = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.array(syntax, { maxLength: 25 }).map((parts) => parts.join('')),
    fc.array(syntax, { maxLength: 25 }).map((parts) => parts.join(' ')),
    fc.string({ unit: 'binary', maxLength: 40 })
  )

  it('parses, describes and searches without an error', () => {
    const library = memoryLibrary()
    library.importDigest(
      digest([
        paper('Attention Is Plenty', { abstract: 'We attend to things.', authors: ['Ada Lovelace'] }),
        paper('Sleepy Robots', { abstract: 'Robots nap.', arxivId: '2403.12345' })
      ])
    )
    fc.assert(
      fc.property(
        queryText,
        fc.constantFrom('relevance', 'date', 'title', 'position') as fc.Arbitrary<'relevance'>,
        (text, sort) => {
          const root = parseQuery(text)
          expect(Array.isArray(describeQuery(root))).toBe(true)
          const page = library.search({ query: text, sort, limit: 5 })
          expect(page.total).toBeGreaterThanOrEqual(page.items.length)
        }
      ),
      { numRuns: 300 }
    )
  })
})
