import { describe, expect, it } from 'vitest'
import { convertTex, texToUnicode } from '../../../../src/main/import/text/tex'

describe('texToUnicode', () => {
  it.each([
    ["Pozna\\'n", 'Poznań'],
    ["Pozna\\'{n}", 'Poznań'],
    ["Pozna{\\'n}", 'Poznań'],
    ['\\"Ostergaard', 'Östergaard'],
    ['{\\"O}zkan', 'Özkan'],
    ['Bla\\v{z}ek', 'Blažek'],
    ['Bla\\v zek', 'Blažek'],
    ['Fran\\c{c}ois', 'François'],
    ['Pe\\~na', 'Peña'],
    ['F\\^ete', 'Fête'],
    ['Gr\\`ece', 'Grèce'],
    ['\\=Ota', 'Ōta'],
    ['\\.Zaneta', 'Żaneta'],
    ['\\u{G}\\"ul', 'Ğül'],
    ['Erd\\H{o}s', 'Erdős'],
    ['\\r{A}sa', 'Åsa'],
    ["Mart\\'{\\i}n", 'Martín'],
    ["Mart\\'\\i n", 'Martín'],
    ['Stra\\ss e', 'Straße'],
    ['Stra\\ss{}e', 'Straße'],
    ['Bj\\o rn', 'Bjørn'],
    ['\\L{}ukasz \\l{}ecki', 'Łukasz łecki'],
    ['\\AE sir \\ae ther', 'Æsir æther'],
    ['\\aa ngstr\\"om', 'ångström'],
    ['Smith \\& Jones', 'Smith & Jones'],
    ['50\\% faster', '50% faster'],
    ['costs \\$5', 'costs $5'],
    ['snake\\_case', 'snake_case'],
    ['pages 1--10', 'pages 1–10'],
    ['yes---no', 'yes—no'],
    ['\\textit{Deep} \\emph{nets} \\textbf{win}', 'Deep nets win'],
    ['{\\em slanted} words', 'slanted words'],
    ['The {GPU} and {{BERT}} models', 'The GPU and BERT models'],
    ["``quoted''", '“quoted”'],
    ['Dots\\ldots and more', 'Dots… and more']
  ])('%s -> %s', (input, expected) => {
    expect(texToUnicode(input)).toBe(expected)
  })

  it('leaves math for the reader to render', () => {
    expect(texToUnicode("Scaling $\\omega^{2}$ with $$\\sum_i x_i$$ and \\'e")).toBe(
      'Scaling $\\omega^{2}$ with $$\\sum_i x_i$$ and é'
    )
    expect(texToUnicode('Cost $\\$5$ per {GPU}')).toBe('Cost $\\$5$ per GPU')
  })

  it('treats an unmatched dollar as a literal', () => {
    expect(texToUnicode('It costs 5$ a {month}')).toBe('It costs 5$ a month')
  })

  it('keeps link text and the link target', () => {
    const result = convertTex(
      'See \\href{https://example.org/tool}{our \\textit{tool}} or \\url{https://example.org/~me/x_y}'
    )
    expect(result.text).toBe('See our tool or https://example.org/~me/x_y')
    expect(result.urls).toEqual(['https://example.org/tool', 'https://example.org/~me/x_y'])
  })

  it('keeps unknown commands with their argument as written', () => {
    expect(texToUnicode('as in \\cite{key} and {\\foo}')).toBe('as in \\cite{key} and \\foo')
  })

  it('survives unbalanced and dangling input', () => {
    expect(texToUnicode('open {brace and \\')).toBe('open brace and \\')
    expect(texToUnicode('close} brace')).toBe('close brace')
    expect(texToUnicode("accent at end \\'")).toBe('accent at end ´')
    expect(texToUnicode('\\url{https://example.org/unclosed')).toBe('https://example.org/unclosed')
    expect(texToUnicode('\\constructor \\toString')).toBe('\\constructor \\toString')
  })

  it('stays fast on long hostile lines', () => {
    const hostile = [
      '{'.repeat(200_000),
      '$'.repeat(200_000),
      '\\url{'.repeat(50_000),
      "\\'".repeat(100_000),
      '-'.repeat(200_000),
      '\\href{'.repeat(50_000)
    ]
    for (const text of hostile) texToUnicode(text)
    // No clock here (speed is the benchmark's): a quadratic step would run into the test's timeout.
  })
})
