// The papers picked in the list for a bulk action, as a pure value. Picking "all" names the
// list itself (main resolves it), so selecting 20,000 papers holds no ids but the ones taken
// back out; picking by hand (Ctrl/Cmd-click, Shift-click, Shift+J/K) holds ids.
import type { PaperFilter, PaperTarget } from '../../../shared/model'

export interface Picked {
  /** Papers picked one by one or by range. */
  ids: ReadonlySet<number>
  /** Every paper of the current list is picked, but those in `except`. */
  all: boolean
  except: ReadonlySet<number>
  /** Where a Shift-click range starts (a list position). */
  anchor: number | null
}

export const nothingPicked: Picked = { ids: new Set(), all: false, except: new Set(), anchor: null }

/** A multi-selection is on: the action bar shows and actions work on it. */
export function isPicking(picked: Picked): boolean {
  return picked.all || picked.ids.size > 0
}

export function isPicked(picked: Picked, id: number): boolean {
  return picked.all ? !picked.except.has(id) : picked.ids.has(id)
}

export function pickedCount(picked: Picked, total: number): number {
  return picked.all ? Math.max(0, total - picked.except.size) : picked.ids.size
}

function without(set: ReadonlySet<number>, ids: Iterable<number>): Set<number> {
  const next = new Set(set)
  for (const id of ids) next.delete(id)
  return next
}

function withIds(set: ReadonlySet<number>, ids: Iterable<number>): Set<number> {
  const next = new Set(set)
  for (const id of ids) next.add(id)
  return next
}

/**
 * Ctrl/Cmd-click: the paper goes in or out. Starting a selection takes the open paper along
 * (`current`), as file managers do.
 */
export function togglePick(picked: Picked, id: number, index: number, current: number | null): Picked {
  if (picked.all) {
    const except = picked.except.has(id) ? without(picked.except, [id]) : withIds(picked.except, [id])
    return { ...picked, except, anchor: index }
  }
  if (!isPicking(picked)) {
    const ids = current !== null && current !== id ? [current, id] : [id]
    return { ...picked, ids: new Set(ids), anchor: index }
  }
  const ids = picked.ids.has(id) ? without(picked.ids, [id]) : withIds(picked.ids, [id])
  return { ...picked, ids, anchor: index }
}

/** Shift-click, Shift+J/K: the papers of a range go in (`range` holds their ids). */
export function pickRange(picked: Picked, range: readonly number[], anchor: number | null): Picked {
  if (picked.all) return { ...picked, except: without(picked.except, range), anchor: anchor ?? picked.anchor }
  return { ...picked, ids: withIds(picked.ids, range), anchor: anchor ?? picked.anchor }
}

/** Ctrl/Cmd+A: the whole list, however long. */
export function pickAll(anchor: number | null): Picked {
  return { ids: new Set(), all: true, except: new Set(), anchor }
}

/** What main is asked to act on: the ids, or the list (its filter and search) minus the ones taken out. */
export function targetOf(picked: Picked, filter: PaperFilter, query: string): PaperTarget {
  if (!picked.all) return { ids: [...picked.ids] }
  const search = query.trim()
  return {
    filter,
    ...(search ? { query: query.trimStart() } : {}),
    ...(picked.except.size > 0 ? { except: [...picked.except] } : {})
  }
}

/** "3 papers selected", "All 20,000 papers selected", "All 10,000+ matches selected". */
export function pickedLabel(picked: Picked, total: number, lowerBound = false): string {
  const count = pickedCount(picked, total)
  const noun = count === 1 ? 'paper' : 'papers'
  if (picked.all && picked.except.size === 0) {
    return `All ${count.toLocaleString('en-US')}${lowerBound ? '+' : ''} ${noun} selected`
  }
  return `${count.toLocaleString('en-US')} ${noun} selected`
}
