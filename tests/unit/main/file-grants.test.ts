import { describe, expect, it } from 'vitest'
import { createFileGrants, TOKEN_PATTERN } from '../../../src/main/file-grants'

describe('createFileGrants', () => {
  it('hands out unguessable tokens and redeems each once, in order', () => {
    const files = createFileGrants()
    const a = files.grant('/home/reader/a.bib')
    const b = files.grant('/home/reader/b.ris')
    expect(a).toMatch(TOKEN_PATTERN)
    expect(a).not.toBe(b)
    expect(files.redeem([b, a, b])).toEqual(['/home/reader/b.ris', '/home/reader/a.bib'])
    expect(() => files.redeem([a])).toThrow(/were not chosen or dropped/)
  })

  it('refuses the whole list when one token is unknown, and keeps the good ones', () => {
    const files = createFileGrants()
    const good = files.grant('/home/reader/a.bib')
    expect(() => files.redeem([good, '0'.repeat(32)])).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('nothing was imported') })
    )
    expect(files.redeem([good])).toEqual(['/home/reader/a.bib'])
  })

  it('grants absolute paths only and forgets the oldest past its limit', () => {
    let n = 0
    const files = createFileGrants({ limit: 2, newToken: () => String(++n).padStart(32, '0') })
    expect(() => files.grant('relative/a.bib')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
    const first = files.grant('/a')
    files.grant('/b')
    const third = files.grant('/c')
    expect(() => files.redeem([first])).toThrow(/not chosen/)
    expect(files.redeem([third])).toEqual(['/c'])
  })
})
