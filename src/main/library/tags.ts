// The reader's tags: many per paper, names compared case-insensitively (the first spelling
// is kept), renames that merge into an existing tag, counts for the sources pane.
import type { TagChange, TagCount } from '../../shared/model'
import type { Db, Statements } from './connection'
import { claimTag } from './import-additions'
import { LibraryError } from './contract'
import { requirePapers, uniqueIds } from './state'
import { recordPaperMarks } from './sync-outbox'

export const MAX_TAG_LENGTH = 64

/** The display form of a tag name: NFC, trimmed, inner spacing collapsed. */
export function tagName(raw: string): string {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ')
  if (name === '') throw new LibraryError('INVALID_ARGUMENT', 'A tag needs a name')
  if ([...name].length > MAX_TAG_LENGTH) {
    throw new LibraryError('INVALID_ARGUMENT', `A tag name has at most ${MAX_TAG_LENGTH} characters`)
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new LibraryError('INVALID_ARGUMENT', 'A tag name cannot hold control characters')
  return name
}

/** How names compare: "ML", "ml" and "Ml" are one tag. */
export function tagKey(name: string): string {
  return tagName(name).toLowerCase()
}

interface TagRow {
  id: number
  name: string
}

function findTag(statements: Statements, name: string): TagRow | undefined {
  return statements.get('SELECT id, name FROM tags WHERE name_key = ?').get(tagKey(name)) as TagRow | undefined
}

function requireTag(statements: Statements, name: string): TagRow {
  const tag = findTag(statements, name)
  if (!tag) throw new LibraryError('NOT_FOUND', `There is no tag named "${tagName(name)}"`)
  return tag
}

/** The tag's row, created when no tag of that name (in any case) exists. Inside a transaction. */
export function ensureTag(statements: Statements, name: string, at: string): TagRow {
  const existing = findTag(statements, name)
  if (existing) return existing
  const display = tagName(name)
  const id = Number(
    statements
      .get('INSERT INTO tags (name, name_key, created_at) VALUES (?, ?, ?)')
      .run(display, display.toLowerCase(), at).lastInsertRowid
  )
  return { id, name: display }
}

/** Adds the tag to papers; inside a transaction. Returns the papers that did not have it. */
export function addTag(statements: Statements, tagId: number, ids: readonly number[], at: string): number[] {
  return statements
    .get(
      `INSERT INTO paper_tags (tag_id, paper_id, tagged_at) SELECT ?, j.value, ? FROM json_each(?) j WHERE true
       ON CONFLICT DO NOTHING RETURNING paper_id`
    )
    .pluck()
    .all(tagId, at, JSON.stringify(ids)) as number[]
}

/** A tag no paper carries any more is removed, so the picker offers only tags in use. */
function dropIfUnused(statements: Statements, tagId: number): void {
  statements
    .get('DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM paper_tags WHERE tag_id = ?)')
    .run(tagId, tagId)
}

/** Sets whether one paper carries a tag, as another device said; inside a transaction. */
export function setPaperTag(statements: Statements, paperId: number, name: string, value: boolean, at: string): void {
  if (value) {
    addTag(statements, ensureTag(statements, name, at).id, [paperId], at)
    return
  }
  const tag = findTag(statements, name)
  if (!tag) return
  statements.get('DELETE FROM paper_tags WHERE tag_id = ? AND paper_id = ?').run(tag.id, paperId)
  dropIfUnused(statements, tag.id)
}

function inOrder(ids: readonly number[], changed: readonly number[]): number[] {
  const set = new Set(changed)
  return ids.filter((id) => set.has(id))
}

export function tagPapers(db: Db, statements: Statements, name: string, ids: readonly number[], now: Date): TagChange {
  const wanted = uniqueIds(ids)
  tagName(name)
  return db
    .transaction((): TagChange => {
      requirePapers(statements, wanted)
      const tag = ensureTag(statements, name, now.toISOString())
      const changed = addTag(statements, tag.id, wanted, now.toISOString())
      claimTag(statements, tag.id, wanted)
      dropIfUnused(statements, tag.id)
      recordPaperMarks(statements, changed, `tag:${tag.name}`, true, now)
      return { tag: tag.name, changed: inOrder(wanted, changed) }
    })
    .immediate()
}

export function untagPapers(
  db: Db,
  statements: Statements,
  name: string,
  ids: readonly number[],
  now: Date
): TagChange {
  const wanted = uniqueIds(ids)
  return db
    .transaction((): TagChange => {
      requirePapers(statements, wanted)
      const tag = requireTag(statements, name)
      const changed = statements
        .get(
          'DELETE FROM paper_tags WHERE tag_id = ? AND paper_id IN (SELECT value FROM json_each(?)) RETURNING paper_id'
        )
        .pluck()
        .all(tag.id, JSON.stringify(wanted)) as number[]
      dropIfUnused(statements, tag.id)
      recordPaperMarks(statements, changed, `tag:${tag.name}`, false, now)
      return { tag: tag.name, changed: inOrder(wanted, changed) }
    })
    .immediate()
}

/** Every tag with its paper count, A-Z (case-insensitive). */
export function listTags(statements: Statements): TagCount[] {
  return statements
    .get(
      `SELECT t.id, t.name, (SELECT count(*) FROM paper_tags pt WHERE pt.tag_id = t.id) AS count
         FROM tags t ORDER BY t.name_key, t.id`
    )
    .all() as TagCount[]
}

export function tagByName(statements: Statements, name: string): TagCount | null {
  const tag = findTag(statements, name)
  if (!tag) return null
  return listTags(statements).find((t) => t.id === tag.id) ?? null
}

/**
 * Renames a tag. When another tag already has the new name (in any case), the two become
 * one: its papers gain the new name and the old tag is gone (a merge).
 */
export function renameTag(
  db: Db,
  statements: Statements,
  from: string,
  to: string,
  now: Date
): { tag: string; merged: boolean; papers: number } {
  const display = tagName(to)
  return db
    .transaction(() => {
      const source = requireTag(statements, from)
      const target = findTag(statements, display)
      const tagged = statements
        .get('SELECT paper_id FROM paper_tags WHERE tag_id = ?')
        .pluck()
        .all(source.id) as number[]
      if (!target || target.id === source.id) {
        statements
          .get('UPDATE tags SET name = ?, name_key = ? WHERE id = ?')
          .run(display, display.toLowerCase(), source.id)
        if (!target) {
          recordPaperMarks(statements, tagged, `tag:${source.name}`, false, now)
          recordPaperMarks(statements, tagged, `tag:${display}`, true, now)
        }
        const papers = statements
          .get('SELECT count(*) FROM paper_tags WHERE tag_id = ?')
          .pluck()
          .get(source.id) as number
        return { tag: display, merged: false, papers }
      }
      const gained = statements
        .get(
          `INSERT INTO paper_tags (tag_id, paper_id, tagged_at) SELECT ?, paper_id, ? FROM paper_tags WHERE tag_id = ?
         ON CONFLICT DO NOTHING RETURNING paper_id`
        )
        .pluck()
        .all(target.id, now.toISOString(), source.id) as number[]
      statements.get('DELETE FROM tags WHERE id = ?').run(source.id)
      recordPaperMarks(statements, tagged, `tag:${source.name}`, false, now)
      recordPaperMarks(statements, gained, `tag:${target.name}`, true, now)
      const papers = statements.get('SELECT count(*) FROM paper_tags WHERE tag_id = ?').pluck().get(target.id) as number
      return { tag: target.name, merged: true, papers }
    })
    .immediate()
}

/** Removes a tag from every paper; the papers stay. */
export function deleteTag(db: Db, statements: Statements, name: string, now: Date): { tag: string; papers: number[] } {
  return db
    .transaction(() => {
      const tag = requireTag(statements, name)
      const papers = statements
        .get('SELECT paper_id FROM paper_tags WHERE tag_id = ? ORDER BY paper_id')
        .pluck()
        .all(tag.id) as number[]
      statements.get('DELETE FROM tags WHERE id = ?').run(tag.id)
      recordPaperMarks(statements, papers, `tag:${tag.name}`, false, now)
      return { tag: tag.name, papers }
    })
    .immediate()
}
