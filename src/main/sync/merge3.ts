// A line-based three-way merge (diff3): the changes each side made to the common base are
// combined; where both sides changed the same lines differently, both versions are kept
// between markers. Nothing either side wrote is dropped.

export interface Side {
  text: string
  /** How the conflict marker names this version ("laptop, 2026-03-12 10:04 UTC"). */
  label: string
}

export interface Merged {
  text: string
  conflict: boolean
}

/** Longest-common-subsequence tables above this many cells are not built: the merge keeps both whole. */
const MAX_LCS_CELLS = 4_000_000

export const CONFLICT_START = '⚠ Sync conflict: both versions are kept. Version from'
export const CONFLICT_NEXT = '⚠ Version from'
export const CONFLICT_END = '⚠ End of sync conflict'

function lines(text: string): string[] {
  return text === '' ? [] : text.split('\n')
}

/**
 * For each line of `base`, the index of the line of `other` it is matched with, or -1.
 * Common prefix and suffix are matched first, so the table covers only the changed middle.
 * Returns null when the middle is too large to compare.
 */
function matchLines(base: readonly string[], other: readonly string[]): Int32Array | null {
  const matched = new Int32Array(base.length).fill(-1)
  let start = 0
  while (start < base.length && start < other.length && base[start] === other[start]) {
    matched[start] = start
    start++
  }
  let baseEnd = base.length
  let otherEnd = other.length
  while (baseEnd > start && otherEnd > start && base[baseEnd - 1] === other[otherEnd - 1]) {
    baseEnd--
    otherEnd--
    matched[baseEnd] = otherEnd
  }
  const n = baseEnd - start
  const m = otherEnd - start
  if (n === 0 || m === 0) return matched
  if ((n + 1) * (m + 1) > MAX_LCS_CELLS) return null
  const width = m + 1
  const table = new Uint32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        base[start + i] === other[start + j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!)
    }
  }
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (base[start + i] === other[start + j]) {
      matched[start + i] = start + j
      i++
      j++
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++
    else j++
  }
  return matched
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, index) => line === b[index])
}

function conflictBlock(ours: readonly string[], theirs: readonly string[], a: Side, b: Side): string[] {
  return [`${CONFLICT_START} ${a.label}:`, ...ours, `${CONFLICT_NEXT} ${b.label}:`, ...theirs, CONFLICT_END]
}

/** Merges `a` and `b`, two edits of `base`. The result is the same whichever device computes it. */
export function merge3(base: string, a: Side, b: Side): Merged {
  if (a.text === b.text) return { text: a.text, conflict: false }
  if (a.text === base) return { text: b.text, conflict: false }
  if (b.text === base) return { text: a.text, conflict: false }
  const baseLines = lines(base)
  const aLines = lines(a.text)
  const bLines = lines(b.text)
  const inA = matchLines(baseLines, aLines)
  const inB = matchLines(baseLines, bLines)
  if (!inA || !inB) return { text: conflictBlock(aLines, bLines, a, b).join('\n'), conflict: true }

  const out: string[] = []
  let conflict = false
  let i = 0
  let ia = 0
  let ib = 0
  while (i <= baseLines.length) {
    let j = i
    while (j < baseLines.length && (inA[j]! < 0 || inB[j]! < 0)) j++
    const endA = j < baseLines.length ? inA[j]! : aLines.length
    const endB = j < baseLines.length ? inB[j]! : bLines.length
    const baseChunk = baseLines.slice(i, j)
    const aChunk = aLines.slice(ia, endA)
    const bChunk = bLines.slice(ib, endB)
    if (sameLines(aChunk, baseChunk)) out.push(...bChunk)
    else if (sameLines(bChunk, baseChunk) || sameLines(aChunk, bChunk)) out.push(...aChunk)
    else {
      out.push(...conflictBlock(aChunk, bChunk, a, b))
      conflict = true
    }
    if (j === baseLines.length) break
    out.push(baseLines[j]!)
    i = j + 1
    ia = endA + 1
    ib = endB + 1
  }
  return { text: out.join('\n'), conflict }
}
