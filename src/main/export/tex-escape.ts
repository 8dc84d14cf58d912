// Unicode text -> TeX that BibTeX, biber and Dogear's own reader turn back into the same text.
// Accented Latin letters become accent commands in braces (`{\'e}`), TeX's special characters
// are escaped, and ligature-making pairs (`--`, `''`) are split. Math (`$...$` with balanced
// braces), which the sources already wrote as TeX, is kept as it is.

const ACCENT_COMMANDS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030a': 'r',
  '\u030b': 'H',
  '\u030c': 'v',
  '\u0327': 'c',
  '\u0328': 'k'
}

const LETTERS: Record<string, string> = {
  ß: '{\\ss}',
  ø: '{\\o}',
  Ø: '{\\O}',
  ł: '{\\l}',
  Ł: '{\\L}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  ı: '{\\i}'
}

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // Not `\{`: BibTeX counts an escaped brace too, so a lone one would end the field.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}'
}

/** Inline math the source wrote: `$` ... `$` with no `$` inside and balanced braces. */
const MATH = /\$[^$\n]{1,500}\$/g

export function texEscape(text: string): string {
  let out = ''
  let from = 0
  for (const match of text.matchAll(MATH)) {
    if (!balanced(match[0])) continue
    out += escapePlain(text.slice(from, match.index)) + match[0]
    from = match.index + match[0].length
  }
  return out + escapePlain(text.slice(from))
}

function balanced(math: string): boolean {
  let depth = 0
  for (let i = 0; i < math.length; i++) {
    if (math[i] === '\\') i++
    else if (math[i] === '{') depth++
    else if (math[i] === '}' && --depth < 0) return false
  }
  return depth === 0
}

function escapePlain(text: string): string {
  // Only specials and non-ASCII characters are looked at; plain text is copied by the regex engine.
  const out = text.normalize('NFC').replace(/[\\{}&%$#_~^]|[^\p{ASCII}]/gu, escapeChar)
  // `--` would print as a dash and `''` as a quote: an empty group keeps the characters apart.
  return out
    .replace(/-(?=-)/g, '-{}')
    .replace(/'(?=')/g, "'{}")
    .replace(/`(?=`)/g, '`{}')
}

/** One character: `é` -> `{\'e}`; a character TeX has no accent command for stays as it is (UTF-8). */
function escapeChar(char: string): string {
  const known = SPECIALS[char] ?? LETTERS[char]
  if (known !== undefined) return known
  if (char.charCodeAt(0) < 128) return char
  // One accent on a plain letter has a command; anything else (two accents, other scripts) stays UTF-8.
  const [base, mark, ...more] = char.normalize('NFD')
  const command = mark === undefined ? undefined : ACCENT_COMMANDS[mark]
  if (!base || !/^[A-Za-z]$/.test(base) || command === undefined || more.length > 0) return char
  // `\'e` reads best; a letter command (`\c{c}`) needs its argument braced.
  return /[A-Za-z]/.test(command) ? `{\\${command}{${base}}}` : `{\\${command}${base}}`
}
