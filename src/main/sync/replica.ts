// The merge as a pure function: the state a set of changes adds up to. Registers (marks,
// settings, saved searches) keep the change with the highest clock; notes keep every
// version and show their heads merged; digests are a set. Applying a change twice, or
// changes in another order, gives the same state: the library's SQL follows these rules.
import { compareChanges } from './hlc'
import { paperKeyId, registerOf, type Change, type DigestChange, type MarkChange, type ValueChange } from './change'
import { noteState, type NoteState, type NoteVersion } from './note-versions'

export interface Replica {
  registers: Map<string, MarkChange | ValueChange>
  notes: Map<string, Map<string, NoteVersion>>
  digests: Map<string, DigestChange>
}

export function emptyReplica(): Replica {
  return { registers: new Map(), notes: new Map(), digests: new Map() }
}

/** Whether `incoming` replaces `current` in a last-writer-wins register. */
export function wins(incoming: { at: string; device: string }, current: { at: string; device: string } | undefined) {
  return current === undefined || compareChanges(incoming, current) > 0
}

export function applyChange(replica: Replica, change: Change): void {
  switch (change.kind) {
    case 'mark':
    case 'value': {
      const register = registerOf(change)
      if (wins(change, replica.registers.get(register))) replica.registers.set(register, change)
      return
    }
    case 'note': {
      const paper = paperKeyId(change.paper)
      let versions = replica.notes.get(paper)
      if (!versions) replica.notes.set(paper, (versions = new Map()))
      if (!versions.has(change.version)) {
        const { version, parents, text, at, by } = change
        versions.set(version, { version, parents, text, at, by })
      }
      return
    }
    case 'digest':
      if (!replica.digests.has(change.hash)) replica.digests.set(change.hash, change)
      return
  }
}

/** Everything a reader would see: the value of each register and the text of each note. */
export interface View {
  registers: Record<string, boolean | string | null>
  notes: Record<string, NoteState>
  digests: string[]
}

export function view(replica: Replica): View {
  const registers: View['registers'] = {}
  for (const [key, change] of [...replica.registers].sort(([a], [b]) => (a < b ? -1 : 1))) {
    registers[key] = change.value
  }
  const notes: View['notes'] = {}
  for (const [paper, versions] of [...replica.notes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    notes[paper] = noteState(versions)
  }
  return { registers, notes, digests: [...replica.digests.keys()].sort() }
}
