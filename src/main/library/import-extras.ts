// What an import writes beside the papers: the sources' subjects, JabRef groups as tags (only
// when the reader asked), and the reading state a Dogear export carries, for papers with none yet.
import type { Statements } from './connection'
import { LibraryError } from './contract'
import type { CarriedState } from '../import/types'
import { MAX_LABELS, type PaperRecord } from './dedupe-merge'
import { addTag, ensureTag, tagName } from './tags'
import { recordPaperMarks } from './sync-outbox'
import { recordSubjects, recordTag } from './import-additions'

export interface ImportExtrasSummary {
  /** Papers without any state of their own (new ones, or untouched ones) that got the state the file carried. */
  stateApplied?: number
  /** Papers already in the library whose own state was kept over the file's. */
  stateKept?: number
}

function validTagNames(names: readonly string[]): string[] {
  const valid: string[] = []
  for (const name of names) {
    try {
      valid.push(tagName(name))
    } catch (error) {
      if (!(error instanceof LibraryError)) throw error
    }
  }
  return valid
}

function hasState(record: PaperRecord): boolean {
  const state = record.carriedState
  return (
    state !== null &&
    (state.readAt !== null || state.starredAt !== null || state.note !== null || state.tags.length > 0)
  )
}

export class ImportExtras {
  private applied = 0
  private kept = 0
  private carried = false

  constructor(
    private readonly statements: Statements,
    private readonly at: string,
    private readonly groupsAsTags: boolean,
    private readonly digestId: number
  ) {}

  /** A paper this import created. */
  added(id: number, record: PaperRecord): void {
    this.addSubjects(id, record.subjects)
    if (this.groupsAsTags) this.tag(id, record.groups)
    if (record.carriedState) this.carried = true
    if (hasState(record)) this.restore(id, record.carriedState!, false)
  }

  /**
   * A paper already in the library: its subjects grow, and its state stays; only a paper with
   * no state at all (unread, no star, note or tag) takes the state the file carries. True when
   * subjects were added. `before`: the paper was there before this import (what it adds is
   * recorded, to be taken back with the digest), not one this file created a moment ago.
   */
  existing(id: number, record: PaperRecord, before = true): boolean {
    const have = this.statements.get('SELECT count(*) FROM paper_subjects WHERE paper_id = ?').pluck().get(id) as number
    const subjects = this.insertSubjects(id, record.subjects.slice(0, Math.max(0, MAX_LABELS - have)))
    if (before) recordSubjects(this.statements, this.digestId, id, subjects)
    if (this.groupsAsTags) this.tag(id, record.groups, before)
    if (record.carriedState) this.carried = true
    if (hasState(record)) {
      if (this.hasNoState(id)) this.restore(id, record.carriedState!, before)
      // A paper this file listed twice had its state from the first listing: not "kept".
      else if (before) this.kept++
    }
    return subjects.length > 0
  }

  summary(): ImportExtrasSummary {
    return this.carried ? { stateApplied: this.applied, stateKept: this.kept } : {}
  }

  private restore(id: number, state: CarriedState, before: boolean): void {
    this.statements
      .get('UPDATE paper_state SET read_at = ?, starred_at = ? WHERE paper_id = ?')
      .run(state.readAt, state.starredAt, id)
    if (state.note !== null && state.note.trim() !== '') {
      this.statements
        .get('INSERT INTO notes (paper_id, body, updated_at) VALUES (?, ?, ?)')
        .run(id, state.note, this.at)
    }
    this.tag(id, state.tags, before)
    this.applied++
  }

  private hasNoState(id: number): boolean {
    const row = this.statements
      .get(
        `SELECT s.read_at IS NULL AND s.starred_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.paper_id = s.paper_id)
            AND NOT EXISTS (SELECT 1 FROM paper_tags t WHERE t.paper_id = s.paper_id)
           FROM paper_state s WHERE s.paper_id = ?`
      )
      .pluck()
      .get(id) as number | undefined
    return row === 1
  }

  private addSubjects(id: number, subjects: readonly string[]): number {
    return this.insertSubjects(id, subjects).length
  }

  /** The subjects that were new to the paper. */
  private insertSubjects(id: number, subjects: readonly string[]): string[] {
    if (subjects.length === 0) return []
    return this.statements
      .get(
        `INSERT INTO paper_subjects (paper_id, subject) SELECT ?, j.value FROM json_each(?) j WHERE true
         ON CONFLICT DO NOTHING RETURNING subject`
      )
      .pluck()
      .all(id, JSON.stringify(subjects)) as string[]
  }

  private tag(id: number, names: readonly string[], record = false): void {
    for (const name of validTagNames(names)) {
      const tagId = ensureTag(this.statements, name, this.at).id
      if (addTag(this.statements, tagId, [id], this.at).length === 0) continue
      if (record) recordTag(this.statements, this.digestId, id, tagId)
      // Other devices import the same file without this import's options: the tag travels as a change.
      recordPaperMarks(this.statements, [id], `tag:${name}`, true, new Date(this.at))
    }
  }
}
