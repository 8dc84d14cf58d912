// An invented library in three themes for recommender tests (all text written for these tests).
import type { ParsedPaper } from '../../../src/main/import/types'
import { paper } from '../library/helpers'

const THEMES = {
  kettle: ['whistling kettle acoustics', 'spout resonance', 'steam whistle pitch', 'copper kettle harmonics'],
  gravel: ['gravel lattice packing', 'pebble jamming', 'granular lattice stress', 'sieve sorting gravel'],
  moss: ['moss cartography', 'lichen survey maps', 'bryophyte mapping drones', 'moss carpet atlas']
} as const

export type Theme = keyof typeof THEMES

const FILLER = ['we measure', 'careful study', 'field trials', 'small samples', 'long seasons', 'open data']

/** Paper `n` of a theme: its phrases, rotated, with shared filler. */
export function themed(theme: Theme, n: number, fields: Partial<ParsedPaper> = {}): ParsedPaper {
  const phrases = THEMES[theme]
  const pick = (k: number): string => phrases[(n + k) % phrases.length]!
  const title = `${pick(0)} and ${pick(1)} study ${n}`
  const abstract = [
    `This study of ${pick(0)} relates ${pick(1)} to ${pick(2)}.`,
    `${FILLER[n % FILLER.length]} with ${pick(3)} show ${pick(0)} matters.`,
    `We compare ${pick(2)} against ${pick(1)}.`
  ].join(' ')
  return paper(title, { abstract, authors: [`Ada ${theme} Lab`, `Bo ${n}`], ...fields })
}

export function themedLibraryEntries(perTheme = 8): { theme: Theme; entry: ParsedPaper }[] {
  const entries: { theme: Theme; entry: ParsedPaper }[] = []
  for (let n = 0; n < perTheme; n++) {
    for (const theme of Object.keys(THEMES) as Theme[]) entries.push({ theme, entry: themed(theme, n) })
  }
  return entries
}
