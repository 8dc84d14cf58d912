// The change record: what one device did, named so that every other device can find the
// same thing in its own library. Papers are named by their dedupe keys, never by row ids.

/** A paper's stable names; the strongest one present identifies it (as the library's dedupe does). */
export interface PaperKey {
  /** arXiv id without version. */
  arxiv?: string
  /** DOI, lower-cased. */
  doi?: string
  /** The folded title (the library's title_key). */
  title: string
}

/**
 * Marks that follow a paper: last writer wins per paper and field. `tag:NAME` fields say
 * whether the paper carries that tag.
 */
export type PaperField = 'read' | 'starred' | 'trashed' | `tag:${string}`

interface Stamped {
  /** Hybrid logical clock stamp (see hlc.ts). */
  at: string
  /** Id of the device that made the change. */
  device: string
}

export interface MarkChange extends Stamped {
  kind: 'mark'
  paper: PaperKey
  field: PaperField
  value: boolean
}

/**
 * One saved version of a note. `parents` are the versions the writer saw (the note's heads
 * on that device when it saved): versions no one has built on yet are the note's heads.
 */
export interface NoteChange extends Stamped {
  kind: 'note'
  paper: PaperKey
  /** `${at}@${device}`: unique, and sorting by it sorts by clock. */
  version: string
  parents: string[]
  /** The whole note; '' removes it. */
  text: string
  /** The writing device's name, for conflict markers. */
  by: string
}

/** A digest file this device imported; the file is in the folder under its hash. */
export interface DigestChange extends Stamped {
  kind: 'digest'
  /** sha256 of the file's bytes, hex. */
  hash: string
  fileName: string
  format: string
  /** The date the reader gave the import (`--date`), if any. */
  date: string | null
  /** The file's modification time: dates without a year are read against it. */
  modifiedAt: string
}

/** A named value that follows the reader (a setting, a saved search): last writer wins per name. */
export interface ValueChange extends Stamped {
  kind: 'value'
  /** `setting:NAME` or `search:NAME`. */
  name: string
  /** JSON text of the value; null removes it. */
  value: string | null
}

export type Change = MarkChange | NoteChange | DigestChange | ValueChange

/** The one string that names a paper across devices: its strongest key. */
export function paperKeyId(key: PaperKey): string {
  if (key.arxiv) return `arxiv:${key.arxiv}`
  if (key.doi) return `doi:${key.doi}`
  return `title:${key.title}`
}

export function noteVersionId(at: string, device: string): string {
  return `${at}@${device}`
}

/** How tag names compare (as the library's tagKey): "ML", " ml " and "Ml" are one tag. */
export function foldTagName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** How saved search names compare (as the library's NOCASE column). */
export function foldSearchName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** A mark's register within its paper: a tag by its folded name. */
export function fieldRegister(field: PaperField): string {
  return field.startsWith('tag:') ? `tag:${foldTagName(field.slice('tag:'.length))}` : field
}

/** What a last-writer-wins change writes to: one register per paper and field, or per name. */
export function registerOf(change: MarkChange | ValueChange): string {
  return change.kind === 'mark' ? `${paperKeyId(change.paper)}|${fieldRegister(change.field)}` : `value|${change.name}`
}
