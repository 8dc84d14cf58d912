// How the full-text index splits text into words, mirrored for query text.

export const MAX_WORD_LENGTH = 64

/** A word as the index splits text: a run of letters, digits and marks (global: use with match/matchAll). */
export const WORD_CHARS = /[\p{L}\p{N}\p{M}]+/gu

/** The words of a text as the full-text index splits them: runs of letters, digits and marks. */
export function wordsOf(text: string): string[] {
  return (text.normalize('NFC').match(WORD_CHARS) ?? []).map((word) => word.slice(0, MAX_WORD_LENGTH))
}

/** A word as the index stores it: lower case, accents removed (unicode61, remove_diacritics 2). */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}
