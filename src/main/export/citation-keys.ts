// Citation keys: author-year-word (`vaswani2017attention`), unique within one export. The same
// papers in the same order always get the same keys; a collision takes the next letter
// (`...attentionb`, `...attentionc`), as reference managers do.
import type { ExportPaper } from './types'
import { asciiWord, familyName, firstTitleWord } from './text'

const MAX_PART = 40

export function baseKey(paper: ExportPaper): string {
  const author = paper.authors[0] ? asciiWord(familyName(paper.authors[0])).slice(0, MAX_PART) : ''
  const year = paper.year === null ? '' : String(paper.year)
  const word = firstTitleWord(paper.title).slice(0, MAX_PART)
  const key = `${author || 'anon'}${year}${word}`
  return key === 'anon' ? `paper${paper.id}` : key
}

/** A key maker for one export: each call gives a key no earlier call gave (compared without case). */
export function createKeyMaker(): (paper: ExportPaper) => string {
  const taken = new Set<string>()
  // The next suffix to try per base key: a base shared by thousands of papers costs one step each.
  const next = new Map<string, number>()
  return (paper) => {
    const base = baseKey(paper)
    const folded = base.toLowerCase()
    let n = next.get(folded) ?? 0
    let key = n === 0 ? base : base + suffix(n)
    while (taken.has(key.toLowerCase())) key = base + suffix(++n)
    next.set(folded, n + 1)
    taken.add(key.toLowerCase())
    return key
  }
}

/** 1 -> b, ..., 25 -> z, then 26, 27, ... */
function suffix(n: number): string {
  return n <= 25 ? String.fromCharCode(97 + n) : String(n + 1)
}
