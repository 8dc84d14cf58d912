// Shortcuts taken for speed on large files must answer exactly what the general path answers.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { titleKey } from '../../../src/main/import/normalize'
import { scholarAlertParser } from '../../../src/main/import/formats/scholar-alert'

/** The title key by the general (Unicode) rules alone. */
function unicodeTitleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

describe('the title key', () => {
  it('folds case, punctuation and spacing of ASCII titles as the Unicode rules do', () => {
    expect(titleKey('  Attention is All you Need.  ')).toBe('attention is all you need')
    expect(titleKey('GPT-4o: a\tStudy (v2)!')).toBe('gpt 4o a study v2')
    expect(titleKey('***')).toBe('')
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 80 }), (title) => {
        expect(titleKey(title)).toBe(unicodeTitleKey(title))
      }),
      { numRuns: 2000 }
    )
  })

  it('still folds accents, full-width letters and ligatures outside ASCII', () => {
    expect(titleKey('Éléments de Théorie')).toBe('elements de theorie')
    expect(titleKey('Ｆｕｌｌ　Ｗｉｄｔｈ ﬁne')).toBe('full width fine')
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (title) => {
        expect(titleKey(title)).toBe(unicodeTitleKey(title))
      }),
      { numRuns: 500 }
    )
  })
})

describe('Scholar alert detection in a large file', () => {
  const filler = 'gse gs_alrt _alrt_titl scholaralerts noreply@example.org '.repeat(20_000)

  it('finds the title class and the sender anywhere, not only at the start', () => {
    const html = `<html><body>${filler}<a class="gse_alrt_title" href="https://x.example/">A</a></body></html>`
    expect(scholarAlertParser.detect(html, 'alert.html')).toBe(0.95)
    const mail = `<html><body>${filler}sent by scholaralerts-noreply@google.com</body></html>`
    expect(scholarAlertParser.detect(mail, 'alert.html')).toBe(0.4)
  })

  it('is not fooled by the rarer half of either marker alone', () => {
    const text = `${filler} x_alrt_title and alerts-noreply@google.com`
    expect(scholarAlertParser.detect(text, 'notes.txt')).toBe(0)
  })
})
