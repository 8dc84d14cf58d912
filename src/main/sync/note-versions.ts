// A note's versions form a history in which each save names the versions it replaced. The
// versions no one has replaced are the heads; the note shown is the heads merged into one
// text, the same on every device that holds the same versions, whatever order they came in.
import { merge3 } from './merge3'
import { stampDate } from './hlc'

export interface NoteVersion {
  version: string
  parents: readonly string[]
  text: string
  at: string
  /** The writing device's name, for the conflict marker. */
  by: string
}

export interface NoteState {
  text: string
  /** True when two versions changed the same lines: the note holds both between markers. */
  conflict: boolean
  heads: string[]
}

/** Versions no known version names as a parent, oldest first. */
export function noteHeads(versions: ReadonlyMap<string, NoteVersion>): string[] {
  const replaced = new Set<string>()
  for (const version of versions.values()) for (const parent of version.parents) replaced.add(parent)
  return [...versions.keys()].filter((id) => !replaced.has(id)).sort()
}

function ancestors(versions: ReadonlyMap<string, NoteVersion>, head: string): Set<string> {
  const seen = new Set<string>()
  const queue = [head]
  while (queue.length > 0) {
    const id = queue.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    const version = versions.get(id)
    if (version) queue.push(...version.parents)
  }
  return seen
}

/** The newest version every head descends from (a version counts as its own ancestor). */
function commonBase(versions: ReadonlyMap<string, NoteVersion>, heads: readonly string[]): NoteVersion | null {
  let common: string[] | null = null
  for (const head of heads) {
    const mine = ancestors(versions, head)
    common = common === null ? [...mine] : common.filter((id) => mine.has(id))
  }
  const known = (common ?? []).filter((id) => versions.has(id)).sort()
  const newest = known[known.length - 1]
  return newest === undefined ? null : versions.get(newest)!
}

function label(version: NoteVersion): string {
  const when = stampDate(version.at).toISOString().slice(0, 16).replace('T', ' ')
  return `${version.by}, ${when} UTC`
}

/** The note the reader sees, given every version known. */
export function noteState(versions: ReadonlyMap<string, NoteVersion>): NoteState {
  const heads = noteHeads(versions)
  if (heads.length === 0) return { text: '', conflict: false, heads }
  const first = versions.get(heads[0]!)!
  if (heads.length === 1) return { text: first.text, conflict: false, heads }
  const base = commonBase(versions, heads)?.text ?? ''
  let text = first.text
  let conflict = false
  let labelSoFar = label(first)
  for (const id of heads.slice(1)) {
    const head = versions.get(id)!
    const merged = merge3(base, { text, label: labelSoFar }, { text: head.text, label: label(head) })
    text = merged.text
    conflict ||= merged.conflict
    labelSoFar = `${labelSoFar} + ${label(head)}`
  }
  return { text, conflict, heads }
}
