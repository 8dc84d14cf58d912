// The library's side of sync, behind one interface (SyncStore in sync-contract.ts): the folder
// code in src/main/sync never sees SQL, and the library never sees the folder.
import type { DigestChange } from '../sync/change'
import type { DeviceCard } from '../sync/segment'
import type { Db, Statements } from './connection'
import { LibraryError } from './contract'
import { applySegment, retryWaiting } from './sync-apply'
import {
  DIGEST_COLUMNS,
  claimOutbox,
  digestChangeOf,
  segmentChanges,
  snapshotChanges,
  type DigestRow
} from './sync-log'
import { recordNote } from './sync-outbox'
import { letWaitingWritersGo, readerWrite } from './write-turns'
import type { SyncCounts, SyncDevice, SyncSelf, SyncStore } from './sync-contract'

interface SelfRow {
  device_id: string
  device_name: string | null
  folder_id: string | null
  folder_path: string | null
  seq: number
  snapshot_seq: number
  last_sync_at: string | null
  last_problem: string | null
}

interface DeviceRow {
  id: string
  name: string
  seq: number
  cursor: number
  cursors: string
  snapshot_seq: number
  wrote_at: string | null
  synced_at: string | null
  problem: string | null
}

function deviceOf(row: DeviceRow): SyncDevice {
  return {
    id: row.id,
    name: row.name,
    seq: row.seq,
    cursor: row.cursor,
    cursors: JSON.parse(row.cursors) as Record<string, number>,
    snapshotSeq: row.snapshot_seq,
    wroteAt: row.wrote_at,
    syncedAt: row.synced_at,
    problem: row.problem
  }
}

function selfOf(statements: Statements): SyncSelf {
  const row = statements.get('SELECT * FROM sync_self').get() as SelfRow
  return {
    deviceId: row.device_id,
    deviceName: row.device_name,
    folderId: row.folder_id,
    folderPath: row.folder_path,
    seq: row.seq,
    snapshotSeq: row.snapshot_seq,
    lastSyncAt: row.last_sync_at,
    lastProblem: row.last_problem
  }
}

function wantedDigests(statements: Statements): DigestChange[] {
  const rows = statements
    .get(`SELECT ${DIGEST_COLUMNS} FROM sync_digests WHERE status = 'wanted' ORDER BY at`)
    .all() as DigestRow[]
  return rows.map(digestChangeOf)
}

function counts(statements: Statements): SyncCounts {
  const count = (sql: string): number => statements.get(sql).pluck().get() as number
  return {
    outbox:
      count('SELECT count(*) FROM sync_marks WHERE published = 0') +
      count('SELECT count(*) FROM sync_note_versions WHERE published = 0') +
      count('SELECT count(*) FROM sync_values WHERE published = 0') +
      count('SELECT count(*) FROM sync_trash WHERE published = 0') +
      count('SELECT count(*) FROM sync_digests WHERE published = 0'),
    waiting: count('SELECT count(*) FROM sync_pending'),
    wantedDigests: count("SELECT count(*) FROM sync_digests WHERE status = 'wanted'"),
    failedDigests: count("SELECT count(*) FROM sync_digests WHERE status = 'failed'"),
    conflicts: count('SELECT count(*) FROM sync_conflicts')
  }
}

/** Moves a device's cursor over every segment applied without a gap after it. */
function advanceCursor(statements: Statements, device: string): number {
  let cursor = (statements.get('SELECT cursor FROM sync_devices WHERE id = ?').pluck().get(device) as number) ?? 0
  const applied = statements.get('SELECT 1 FROM sync_segments WHERE device = ? AND seq = ? LIMIT 1')
  while (applied.get(device, cursor + 1)) cursor++
  // Unchanged rows are not written: each write is a disk flush (synchronous = FULL).
  statements.get('UPDATE sync_devices SET cursor = ? WHERE id = ? AND cursor <> ?').run(cursor, device, cursor)
  return cursor
}

export function syncStore(db: Db, statements: Statements, now: () => Date): SyncStore {
  return {
    self: () => selfOf(statements),
    setDeviceName: (name) => {
      const trimmed = name.trim()
      if (trimmed === '' || trimmed.length > 100 || /[\n\r\0]/.test(trimmed)) {
        throw new LibraryError('INVALID_ARGUMENT', `"${name}" is not a device name (one line, 1 to 100 characters)`)
      }
      statements.get('UPDATE sync_self SET device_name = ?').run(trimmed)
    },
    joinFolder: (folderId, path) => {
      const current = selfOf(statements).folderId
      if (current === folderId) {
        // Written only when it moved: each write is a disk flush, and this runs every sync.
        statements.get('UPDATE sync_self SET folder_path = ? WHERE folder_path IS NOT ?').run(path, path)
        return
      }
      if (current !== null) {
        throw new LibraryError(
          'INVALID_ARGUMENT',
          `this library already syncs with another sync folder (folder id ${current}, this one is ${folderId})`
        )
      }
      statements.get('UPDATE sync_self SET folder_id = ?, folder_path = ?').run(folderId, path)
    },
    claimOutbox: (deviceName) => claimOutbox(db, statements, deviceName),
    segmentChanges: (seq, deviceName) => segmentChanges(statements, seq, deviceName),
    snapshotChanges: (deviceName) => snapshotChanges(statements, deviceName),
    unsentDigests: () =>
      statements
        .get("SELECT hash, file_name AS fileName FROM sync_digests WHERE status = 'outbox' ORDER BY at")
        .all() as {
        hash: string
        fileName: string
      }[],
    digestBytes: (hash) =>
      (statements.get('SELECT bytes FROM sync_digests WHERE hash = ?').pluck().get(hash) as Buffer | null) ?? null,
    markDigestSent: (hash) => {
      statements.get("UPDATE sync_digests SET status = 'sent', bytes = NULL WHERE hash = ?").run(hash)
    },
    wantedDigests: () => wantedDigests(statements),
    markDigest: (hash, status, problem) => {
      statements.get('UPDATE sync_digests SET status = ?, problem = ? WHERE hash = ?').run(status, problem, hash)
    },
    // The cursor moves in the segment's own transaction; the reader's own writes go first.
    applySegment: (segment) => {
      letWaitingWritersGo(db.name)
      return db
        .transaction(() => {
          const outcome = applySegment(db, statements, segment, now())
          if (outcome.applied && !segment.snapshot) advanceCursor(statements, segment.device)
          return outcome
        })
        .immediate()
    },
    retryWaiting: () =>
      statements.get('SELECT 1 FROM sync_pending LIMIT 1').get() === undefined
        ? { applied: false, changed: 0, waiting: 0, conflicts: 0 }
        : retryWaiting(db, statements),
    hasSegment: (device, seq, sum) =>
      statements.get('SELECT 1 FROM sync_segments WHERE device = ? AND seq = ? AND sum = ?').get(device, seq, sum) !==
      undefined,
    devices: () => (statements.get('SELECT * FROM sync_devices ORDER BY name, id').all() as DeviceRow[]).map(deviceOf),
    saveDevice: (card: DeviceCard) => {
      statements
        .get(
          `INSERT INTO sync_devices (id, name, seq, cursors, snapshot_seq, wrote_at, synced_at, problem)
           VALUES (:id, :name, :seq, :cursors, :snapshot, :wroteAt, :syncedAt, :problem)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, seq = excluded.seq, cursors = excluded.cursors,
             snapshot_seq = excluded.snapshot_seq, wrote_at = excluded.wrote_at, synced_at = excluded.synced_at
           WHERE (name, seq, cursors, snapshot_seq, wrote_at, synced_at) IS NOT
             (excluded.name, excluded.seq, excluded.cursors, excluded.snapshot_seq, excluded.wrote_at,
              excluded.synced_at)`
        )
        .run({ ...card, cursors: JSON.stringify(card.cursors), problem: null })
    },
    startCursor: (device, seq) => {
      statements.get('UPDATE sync_devices SET cursor = max(cursor, ?) WHERE id = ?').run(seq, device)
      return advanceCursor(statements, device)
    },
    setDeviceProblem: (device, problem) => {
      statements
        .get('UPDATE sync_devices SET problem = ? WHERE id = ? AND problem IS NOT ?')
        .run(problem, device, problem)
    },
    finishSync: (problem, snapshotSeq) => {
      statements
        .get('UPDATE sync_self SET last_sync_at = ?, last_problem = ?, snapshot_seq = coalesce(?, snapshot_seq)')
        .run(now().toISOString(), problem, snapshotSeq ?? null)
    },
    counts: () => counts(statements),
    conflicts: () => statements.get('SELECT paper_id FROM sync_conflicts ORDER BY paper_id').pluck().all() as number[],
    resolveConflict: (paperId) => {
      readerWrite(db, () => {
        const body = statements.get('SELECT body FROM notes WHERE paper_id = ?').pluck().get(paperId) as
          string | undefined
        if (statements.get('SELECT 1 FROM sync_conflicts WHERE paper_id = ?').get(paperId) === undefined) return
        recordNote(statements, paperId, body ?? '', now())
      })
    }
  }
}
