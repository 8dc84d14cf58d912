// Applying another device's tags and trash. Tags are marks per paper and folded tag name;
// the trash is one register per paper key (a trashed paper has no row to hang it on). The
// library's own trash and restore do the work, so a paper trashed by sync is kept whole and
// comes back whole; the register is then set to the other device's change.
import { compareChanges, stampDate } from '../sync/hlc'
import { paperKeyId, type MarkChange, type PaperKey } from '../sync/change'
import type { Db, Statements } from './connection'
import { setPaperTag, tagName } from './tags'
import { restorePapers, trashPapers } from './trash'

export type Effect = 'changed' | 'same' | 'waiting' | 'conflict'

/** The tag's name as the other device spelled it; null for a name this library refuses. */
export function tagLabel(change: MarkChange): string | null {
  if (!change.field.startsWith('tag:')) return null
  try {
    return tagName(change.field.slice('tag:'.length))
  } catch {
    return null
  }
}

/** Sets one paper's tag (after its register took the change). */
export function applyTag(statements: Statements, paperId: number, change: MarkChange, label: string): void {
  setPaperTag(statements, paperId, label, change.value, stampDate(change.at).toISOString())
}

const TRASHED_BY_ARXIV = 'SELECT paper_id FROM trashed_papers WHERE arxiv_id = ? ORDER BY serial DESC LIMIT 1'
const TRASHED_BY_DOI = 'SELECT paper_id FROM trashed_papers WHERE doi = ? ORDER BY serial DESC LIMIT 1'
const TRASHED_BY_TITLE = `SELECT paper_id FROM trashed_papers WHERE title_key = :title
  AND (arxiv_id IS NULL OR :arxiv IS NULL OR arxiv_id = :arxiv) AND (doi IS NULL OR :doi IS NULL OR doi = :doi)
  ORDER BY serial DESC LIMIT 1`

/** The id a trashed paper had, found by its key as resolvePaper finds live papers. */
function trashedPaper(statements: Statements, key: PaperKey): number | null {
  const id =
    (key.arxiv ? statements.get(TRASHED_BY_ARXIV).pluck().get(key.arxiv) : undefined) ??
    (key.doi ? statements.get(TRASHED_BY_DOI).pluck().get(key.doi) : undefined) ??
    (key.title
      ? statements
          .get(TRASHED_BY_TITLE)
          .pluck()
          .get({ title: key.title, arxiv: key.arxiv ?? null, doi: key.doi ?? null })
      : undefined)
  return (id as number | undefined) ?? null
}

export function applyTrash(db: Db, statements: Statements, change: MarkChange, live: number | null): Effect {
  const paper = paperKeyId(change.paper)
  const current = statements.get('SELECT at, device FROM sync_trash WHERE paper = ?').get(paper) as
    { at: string; device: string } | undefined
  if (current && compareChanges(change, current) <= 0) return 'same'
  const when = stampDate(change.at)
  if (change.value) {
    // A paper not here yet: the change waits for its digest, so the paper arrives in the trash.
    if (live !== null) trashPapers(db, statements, [live], when)
    else if (trashedPaper(statements, change.paper) === null) return 'waiting'
  } else if (live === null) {
    const trashed = trashedPaper(statements, change.paper)
    if (trashed !== null) restorePapers(db, statements, [trashed], when)
  }
  // Trash and restore above recorded a change of this device; the register is the other device's.
  statements
    .get(
      `INSERT INTO sync_trash (paper, arxiv_id, doi, title_key, value, at, device, published)
       VALUES (?, ?, ?, ?, ?, ?, ?, -1)
       ON CONFLICT (paper) DO UPDATE SET value = excluded.value, at = excluded.at, device = excluded.device,
         published = -1`
    )
    .run(
      paper,
      change.paper.arxiv ?? null,
      change.paper.doi ?? null,
      change.paper.title,
      change.value ? 1 : 0,
      change.at,
      change.device
    )
  return 'changed'
}
