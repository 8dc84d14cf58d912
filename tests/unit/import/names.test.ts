import { describe, expect, it } from 'vitest'
import { cleanNames, flipName, splitAuthorList } from '../../../src/main/import/names'

describe('author names', () => {
  it('writes "Last, First" first-name first, suffixes last', () => {
    expect(flipName('Lovelace, Ada')).toBe('Ada Lovelace')
    expect(flipName('Tanaka, Yuki, Jr.')).toBe('Yuki Tanaka Jr.')
    expect(flipName('Grace  Hopper')).toBe('Grace Hopper')
  })

  it('splits author lists on commas, semicolons, "and" and "&", without "et al."', () => {
    expect(splitAuthorList('Ann Bee, Cee Dee and Eff Gee & Hal Ike, et al.')).toEqual([
      'Ann Bee',
      'Cee Dee',
      'Eff Gee',
      'Hal Ike'
    ])
    expect(splitAuthorList('Bee, Ann; Dee, Cee')).toEqual(['Bee, Ann', 'Dee, Cee'])
    expect(splitAuthorList('Bee, Ann', { keepInvertedName: true })).toEqual(['Bee, Ann'])
    expect(splitAuthorList('Bee, Ann')).toEqual(['Bee', 'Ann'])
  })

  it('keeps names on one line and drops the empty ones', () => {
    expect(cleanNames([' Ann\n Bee ', '', null, undefined, '  ', 'Cee Dee'])).toEqual(['Ann Bee', 'Cee Dee'])
  })
})
