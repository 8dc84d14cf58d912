// The outbox: every change the reader makes here is recorded for the sync folder in the same
// transaction as the change itself, by calling one of these functions. A change the folder has
// not seen yet replaces an older unsent change of the same mark or note, so a day of toggling
// sends one change per paper and field.
import { formatStamp, parseStamp, tick } from '../sync/hlc'
import { fieldRegister, type PaperField } from '../sync/change'
import { noteHeads } from '../sync/note-versions'
import type { Statements } from './connection'
import type { DigestImport, DigestSource } from './contract'
import { loadNoteVersions } from './sync-notes'

/** This device's id; constant for the library's life (a reset of the sync folder keeps it). */
export function deviceId(statements: Statements): string {
  return statements.get('SELECT device_id FROM sync_self').pluck().get() as string
}

/** A fresh clock stamp for a change made now on this device. */
export function nextStamp(statements: Statements, now: Date): string {
  const current = statements.get('SELECT clock FROM sync_self').pluck().get() as string
  const stamp = formatStamp(tick(parseStamp(current), now.getTime()))
  statements.get('UPDATE sync_self SET clock = ?').run(stamp)
  return stamp
}

/**
 * Records that the reader set `field` of these papers to `value`. Call inside the transaction
 * that changes them, with the ids whose value actually changed, while their rows exist (before
 * a paper goes to the trash, after it comes back). A tag's field is `tag:` and its name.
 */
export function recordPaperMarks(
  statements: Statements,
  paperIds: readonly number[],
  field: PaperField,
  value: boolean,
  now: Date
): void {
  if (paperIds.length === 0) return
  const at = nextStamp(statements, now)
  if (field === 'trashed') return recordTrash(statements, paperIds, value, at)
  const label = field.startsWith('tag:') ? field.slice('tag:'.length) : null
  statements
    .get(
      `INSERT INTO sync_marks (paper_id, field, value, at, device, published, label)
       SELECT j.value, ?, ?, ?, (SELECT device_id FROM sync_self), 0, ? FROM json_each(?) j WHERE true
       ON CONFLICT (paper_id, field) DO UPDATE SET value = excluded.value, at = excluded.at,
         device = excluded.device, published = 0, label = excluded.label`
    )
    .run(fieldRegister(field), value ? 1 : 0, at, label, JSON.stringify(paperIds))
}

const KEY_OF_PAPER = `CASE WHEN p.arxiv_id IS NOT NULL AND p.arxiv_id <> '' THEN 'arxiv:' || p.arxiv_id
  WHEN p.doi IS NOT NULL AND p.doi <> '' THEN 'doi:' || p.doi ELSE 'title:' || p.title_key END`

/**
 * The trash's register is keyed by the paper's key: the row leaves papers when trashed (its
 * sync rows travel in the trash record and come back with it, see trash-rows.ts).
 */
function recordTrash(statements: Statements, paperIds: readonly number[], value: boolean, at: string): void {
  // KEY_OF_PAPER is a constant of this file.
  statements
    .get(
      `INSERT INTO sync_trash (paper, arxiv_id, doi, title_key, value, at, device, published)
       SELECT ${KEY_OF_PAPER}, p.arxiv_id, p.doi, p.title_key, ?, ?, (SELECT device_id FROM sync_self), 0
         FROM json_each(?) j JOIN papers p ON p.id = j.value WHERE true
       ON CONFLICT (paper) DO UPDATE SET value = excluded.value, at = excluded.at, device = excluded.device,
         published = 0, arxiv_id = excluded.arxiv_id, doi = excluded.doi, title_key = excluded.title_key`
    )
    .run(value ? 1 : 0, at, JSON.stringify(paperIds))
}

/** The ids restored papers have now (a restore's answer), for recording them. */
export function restoredIds(papers: readonly { to: number }[]): number[] {
  return papers.map((paper) => paper.to)
}

/** Records a setting or saved search that follows the reader (`setting:NAME`, `search:NAME`); null removes it. */
export function recordValue(statements: Statements, name: string, value: unknown, now: Date): void {
  const at = nextStamp(statements, now)
  statements
    .get(
      `INSERT INTO sync_values (name, value, at, device, published)
       VALUES (?, ?, ?, (SELECT device_id FROM sync_self), 0)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value, at = excluded.at, device = excluded.device,
         published = 0`
    )
    .run(name, value === null ? null : JSON.stringify(value), at)
}

/**
 * Records a saved note ('' when removed) as a new version replacing every version the reader
 * was looking at; an unsent version of this device is replaced in place instead.
 * Clears the note's conflict: saving is how the reader resolves it.
 */
export function recordNote(statements: Statements, paperId: number, text: string, now: Date): void {
  const versions = loadNoteVersions(statements, paperId)
  const heads = noteHeads(versions)
  const self = deviceId(statements)
  const at = nextStamp(statements, now)
  const only = heads.length === 1 ? versions.get(heads[0]!) : undefined
  const unsent = only && only.published === 0 && only.device === self ? only : undefined
  const parents = unsent ? unsent.parents : heads
  if (unsent) {
    statements.get('DELETE FROM sync_note_versions WHERE paper_id = ? AND version = ?').run(paperId, unsent.version)
  }
  statements
    .get(
      `INSERT INTO sync_note_versions (paper_id, version, parents, body, at, device, by, published)
       VALUES (?, ?, ?, ?, ?, ?, '', 0)`
    )
    .run(paperId, `${at}@${self}`, JSON.stringify(parents), text, at, self)
  statements.get('DELETE FROM sync_conflicts WHERE paper_id = ?').run(paperId)
}

/**
 * Keeps an imported file's bytes until the next sync copies it to the folder, so other devices
 * import the same digest. Only while sync is set up: a library that never syncs keeps no copies.
 */
export function recordDigestFile(statements: Statements, input: DigestImport, source: DigestSource, now: Date): void {
  const syncing = statements.get('SELECT folder_id IS NOT NULL FROM sync_self').pluck().get() === 1
  if (!syncing) return
  const at = nextStamp(statements, now)
  statements
    .get(
      `INSERT INTO sync_digests (hash, file_name, format, date, modified_at, at, device, status, bytes, published)
       VALUES (?, ?, ?, ?, ?, ?, (SELECT device_id FROM sync_self), 'outbox', ?, 0)
       ON CONFLICT (hash) DO NOTHING`
    )
    .run(
      input.contentHash,
      safeFileName(input.fileName),
      input.format,
      source.date,
      source.modifiedAt.toISOString(),
      at,
      source.bytes
    )
}

/** The name other devices see in their digest list: no folders, no line breaks, bounded. */
function safeFileName(name: string | null): string {
  const base = (name ?? 'digest').replace(/[/\\\n\r\0]/g, '_').slice(0, 200)
  return base === '' ? 'digest' : base
}
