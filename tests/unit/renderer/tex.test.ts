import { describe, expect, it } from 'vitest'
import { splitTex } from '../../../src/renderer/src/lib/tex'

describe('splitTex', () => {
  it('finds inline and display math with every delimiter', () => {
    expect(splitTex('costs $O(L^2)$ memory')).toEqual([
      { kind: 'text', text: 'costs ' },
      { kind: 'math', tex: 'O(L^2)', display: false },
      { kind: 'text', text: ' memory' }
    ])
    expect(splitTex('a $$x+y$$ b')[1]).toEqual({ kind: 'math', tex: 'x+y', display: true })
    expect(splitTex('a \\(x\\) b')[1]).toEqual({ kind: 'math', tex: 'x', display: false })
    expect(splitTex('a \\[x\\] b')[1]).toEqual({ kind: 'math', tex: 'x', display: true })
  })

  it('leaves prices and lone dollars as text', () => {
    expect(splitTex('costs $5 and $10 each')).toEqual([{ kind: 'text', text: 'costs $5 and $10 each' }])
    expect(splitTex('a lone $ sign')).toEqual([{ kind: 'text', text: 'a lone $ sign' }])
    expect(splitTex('unclosed \\( here')).toEqual([{ kind: 'text', text: 'unclosed \\( here' }])
  })

  it('keeps markup-looking text as text: only math reaches KaTeX', () => {
    const segments = splitTex('<img src=x onerror=alert(1)> and $a<b$')
    expect(segments[0]).toEqual({ kind: 'text', text: '<img src=x onerror=alert(1)> and ' })
    expect(segments[1]).toEqual({ kind: 'math', tex: 'a<b', display: false })
  })

  it('returns text without math unchanged, in one piece', () => {
    const input = 'Plain words, 100% of them (really) \\ and a backslash.'
    expect(splitTex(input)).toEqual([{ kind: 'text', text: input }])
  })
})
