// How an abstract is stored: deflated, it takes under half its bytes (1.5 KB of text is most of
// a paper's row). The papers table holds either form: TEXT as it was (short abstracts, and every
// abstract written before migration 22 or put back from a JSON copy), or a BLOB of one format
// byte and the deflated UTF-8. Every reader goes through abstractText, in JS or as the SQL
// function abstract_text, so no reader sees the stored form.
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { Db } from './connection'

/** How abstracts are deflated; plain data, so the deflating thread (abstract-deflater.ts) gets it too. */
export interface AbstractFormat {
  /** A shorter abstract stays text: deflate saves a few bytes on it and costs a call. */
  fromChars: number
  /** A longer one stays text, so every deflated one inflates within MAX_ABSTRACT_BYTES. */
  upToChars: number
  /** The format byte a deflated abstract starts with (a later format takes another). */
  tag: number
  /** Level 1 is a sixth faster than the default and keeps 0.47 instead of 0.46 of an abstract; a
   * 4 KB window covers an abstract and needs a sixteenth of the default's memory per call. */
  deflate: { level: number; windowBits: number }
}

/** Inflating stops here: a damaged or hostile BLOB never grows past it. */
export const MAX_ABSTRACT_BYTES = 1024 * 1024

export const ABSTRACT_FORMAT: AbstractFormat = {
  fromChars: 200,
  // UTF-8 takes at most 3 bytes a UTF-16 unit.
  upToChars: Math.floor(MAX_ABSTRACT_BYTES / 3),
  tag: 1,
  deflate: { level: 1, windowBits: 12 }
}

export type StoredAbstract = string | Uint8Array | null

type Deflate = (text: string, options: AbstractFormat['deflate']) => Uint8Array

/**
 * The value the papers table stores for an abstract, given the deflate to use. Self-contained
 * (its source is the deflating thread's code): it reads nothing but its arguments.
 */
export function storeAbstractWith(text: string | null, deflate: Deflate, format: AbstractFormat): StoredAbstract {
  if (text === null || text.length < format.fromChars || text.length > format.upToChars) return text
  const deflated = deflate(text, format.deflate)
  // Chars never outnumber UTF-8 bytes: shorter than the chars is shorter than the text.
  if (deflated.length + 1 >= text.length) return text
  const stored = new Uint8Array(deflated.length + 1)
  stored[0] = format.tag
  stored.set(deflated, 1)
  return stored
}

/** The value the papers table stores for an abstract. */
export function storedAbstract(text: string | null): StoredAbstract {
  return storeAbstractWith(text, deflateRawSync, ABSTRACT_FORMAT)
}

/**
 * The abstract's text from what the table stores. A BLOB that does not inflate (a damaged
 * page, another format) reads as no abstract: the paper stays readable, listable and
 * searchable by the rest of its text.
 */
export function abstractText(stored: unknown): string | null {
  if (typeof stored === 'string') return stored
  if (!(stored instanceof Uint8Array) || stored.length < 2 || stored[0] !== ABSTRACT_FORMAT.tag) return null
  try {
    return inflateRawSync(stored.subarray(1), { maxOutputLength: MAX_ABSTRACT_BYTES }).toString('utf8')
  } catch {
    return null
  }
}

/**
 * abstract_text(stored) and stored_abstract(text) in this connection's SQL: the search index's
 * view reads abstracts through the first; rows put back from a JSON copy are stored through the second.
 */
export function registerAbstractText(db: Db): void {
  db.function('abstract_text', { deterministic: true }, (stored: unknown) => abstractText(stored))
  db.function('stored_abstract', { deterministic: true }, (text: unknown) =>
    storedAbstract(typeof text === 'string' ? text : null)
  )
}
