// The probe's check of a paper's text must agree with the index: words split at anything but
// letters, digits and marks, folded without case or accents, a phrase's words adjacent.
import { describe, expect, it } from 'vitest'
import { holdsPrefix } from '../../../src/main/library/search-prefix-text'

describe('a short prefix in a text', () => {
  it('begins a word, in any case, after any separator', () => {
    expect(holdsPrefix('Deep Transformers', 'tr')).toBe(true)
    expect(holdsPrefix('x-ray (TRAINING)', 'tra')).toBe(true)
    expect(holdsPrefix('distrust', 'tr')).toBe(false)
    expect(holdsPrefix('GPT-4o', '4')).toBe(true)
    expect(holdsPrefix(null, 'a')).toBe(false)
  })

  it('is folded as the index folds words in other scripts and accents', () => {
    expect(holdsPrefix('Über Ähnlichkeit', 'ah')).toBe(true)
    expect(holdsPrefix('l’École normale', 'ec')).toBe(true)
    expect(holdsPrefix('naïve trées', 'tre')).toBe(true)
    expect(holdsPrefix('naïve arbres', 'tre')).toBe(false)
  })

  it("follows a phrase's head words whole and in order", () => {
    expect(holdsPrefix('We use self-attention here', 'att', ['self'])).toBe(true)
    expect(holdsPrefix('Self, attention!', 'att', ['self'])).toBe(true)
    expect(holdsPrefix('myself attention', 'att', ['self'])).toBe(false)
    expect(holdsPrefix('self and attention', 'att', ['self'])).toBe(false)
    expect(holdsPrefix('Crème brûlée attaque', 'att', ['creme', 'brulee'])).toBe(true)
    expect(holdsPrefix('the creme brulee attaque', 'att', ['creme', 'brulee'])).toBe(true)
    expect(holdsPrefix('the brulee creme attaque', 'att', ['creme', 'brulee'])).toBe(false)
  })
})
