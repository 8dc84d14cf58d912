import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  elementsByName,
  htmlToText,
  parseXml,
  textOf,
  tidyText,
  withoutDoctype
} from '../../../../src/main/import/text/html'

describe('htmlToText', () => {
  it('keeps the words, drops scripts and styles, and decodes entities', () => {
    const text = htmlToText('<p>Caf&eacute; <b>latte</b><script>alert(1)</script><style>p{}</style></p>')
    expect(text).toBe('Café latte')
  })

  it('puts paragraphs apart by a blank line and list items on their own lines', () => {
    expect(htmlToText('<p>One</p><p>Two</p><ul><li>a</li><li>b</li></ul>')).toBe('One\n\nTwo\n\na\nb')
  })

  it('turns a javascript: link into its text only', () => {
    expect(htmlToText('<a href="javascript:alert(1)">click me</a>')).toBe('click me')
  })

  it('survives elements nested far deeper than the call stack', () => {
    expect(htmlToText('<div>'.repeat(200_000) + 'deep')).toBe('deep')
  })
})

describe('parseXml', () => {
  it('never expands entities declared in a DTD', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
      <rss><channel><title>&lol2; &amp; more</title></channel></rss>`
    const doc = parseXml(bomb)
    expect(textOf(elementsByName(doc, 'title')[0])).toBe('&lol2; & more')
  })

  it('finds namespaced elements by their local name', () => {
    const doc = parseXml('<item><dc:creator>Ada Lovelace</dc:creator></item>')
    expect(textOf(elementsByName(doc, 'creator')[0])).toBe('Ada Lovelace')
  })

  it('cuts an unterminated DOCTYPE instead of reading it as text', () => {
    expect(withoutDoctype('<a/><!DOCTYPE x [ <!ENTITY y "z">')).toBe('<a/>')
  })
})

describe('deeply nested markup', () => {
  it('is refused by the tree parsers with a clear message', () => {
    expect(() => parseXml('<a>'.repeat(10_000))).toThrow(/nested deeper than 4000 elements/)
  })

  it('still counts long flat lists as shallow', () => {
    expect(htmlToText('<ul>' + '<li>item'.repeat(5000) + '</ul>').split('\n')).toHaveLength(5000)
  })
})

describe('tidyText', () => {
  // The definition, written the slow and obvious way.
  const tidiedByRegex = (text: string): string =>
    text
      .replace(/[ \t\u00a0]+/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()

  it('collapses spaces in lines and blank-line runs, keeping paragraphs and line breaks', () => {
    expect(tidyText('\n  One\t\u00a0 line \n next\n\n\n \u2003\n\nTwo  ')).toBe('One line\nnext\n\nTwo')
    const messy = fc
      .array(fc.constantFrom('a', 'b c', ' ', '  ', '\t', '\n', '\n\n', '\u00a0', '\u2003', '\r'), { maxLength: 14 })
      .map((parts) => parts.join(''))
    fc.assert(fc.property(messy, (text) => tidyText(text) === tidiedByRegex(text)))
  })
})

describe('withoutDoctype', () => {
  it('finds the DOCTYPE in any case, after other declarations', () => {
    expect(withoutDoctype('<?xml version="1.0"?><!-- c --><!doctype rss [<!ENTITY a "b">]><rss/>')).toBe(
      '<?xml version="1.0"?><!-- c --><rss/>'
    )
    expect(withoutDoctype('<![CDATA[x]]><rss/>')).toBe('<![CDATA[x]]><rss/>')
  })
})
