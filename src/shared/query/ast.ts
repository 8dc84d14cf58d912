// What a search query means, as data: the parser's output, the library's input, and what the
// search field describes back to the reader. Plain data, so it crosses IPC and is stored as-is.

/**
 * The syntax version. A saved search records the version it was written in; a later version
 * that reads some text differently must translate older queries before parsing them.
 */
export const QUERY_SYNTAX_VERSION = 1

/** Columns of the full-text index a word can be limited to (`title:`, `author:`, ...). */
export type TextField = 'title' | 'author' | 'abstract' | 'note'

export type ReadingState = 'unread' | 'read' | 'starred'
export type HasWhat = 'code' | 'note' | 'abstract'
export type Taxonomy = 'tag' | 'subject'

export type QueryNode =
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  /**
   * Words of the full-text index, folded the way the index folds them. One word, or several
   * adjacent in order (a quoted phrase, or a word with hyphens or other punctuation inside).
   * `prefix`: the last word also matches longer words (the reader is still typing it).
   */
  | { kind: 'text'; field: TextField | null; words: string[]; phrase: boolean; prefix: boolean }
  | { kind: 'state'; state: ReadingState }
  | { kind: 'has'; what: HasWhat }
  /** The paper's date (published, else its first digest's day): from inclusive, to exclusive, YYYY[-MM[-DD]]. */
  | { kind: 'date'; from: string | null; to: string | null; label: string }
  | { kind: 'arxiv'; id: string }
  | { kind: 'doi'; doi: string }
  | { kind: 'label'; taxonomy: Taxonomy; name: string }
  /** A digest by id, or by words of its title. */
  | { kind: 'digest'; id: number | null; words: string[] }

/** A word the library does not hold, and the word of its vocabulary searched instead. */
export interface Correction {
  word: string
  replacement: string
}
