// Facts several formats read the same way: a feed's date as a calendar day, the days a digest
// covers, the arXiv id or DOI a string names, and items a file lists twice word for word.
import { normalizeDoi, parseArxivId } from '../normalize'
import type { DigestMeta, ParseContext, ParsedPaper } from '../types'
import { formatIsoDate, monthNumber } from '../dates'

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/
// RFC 822/2822 as RSS writes it: "Tue, 12 Mar 2024 00:00:00 -0400".
const RFC_822_DAY = /^(?:[a-z]{3,9}\.?,?\s*)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2}|\d{4})(?![\d])/i

/**
 * The calendar day a feed date names, as written (a feed's "00:00 -0400" is that day, not
 * the day before in UTC). Null when the text is no date.
 */
export function isoDay(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim()
  if (!trimmed || trimmed.length > 64) return null
  let year: number
  let month: number
  let day: number
  const iso = ISO_DAY.exec(trimmed)
  const rfc = iso ? null : RFC_822_DAY.exec(trimmed)
  if (iso) {
    ;[year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  } else if (rfc) {
    month = monthNumber(rfc[2]!) ?? 0
    day = Number(rfc[1])
    year = Number(rfc[3])
    if (rfc[3]!.length === 2) year += year < 50 ? 2000 : 1900
  } else {
    return null
  }
  const date = new Date(Date.UTC(year, month - 1, day))
  if (month < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null
  }
  return formatIsoDate({ year, month, day })
}

/**
 * The days a digest covers: the user's date wins; else the span of its entries' days;
 * else the day the file states for itself.
 */
export function digestDays(
  days: Array<string | null>,
  ownDay: string | null,
  context: ParseContext
): Pick<DigestMeta, 'dateFrom' | 'dateTo'> {
  if (context.dateOverride) return { dateFrom: context.dateOverride, dateTo: context.dateOverride }
  let from: string | null = null
  let to: string | null = null
  for (const day of days) {
    if (!day) continue
    if (from === null || day < from) from = day
    if (to === null || day > to) to = day
  }
  return from ? { dateFrom: from, dateTo: to } : { dateFrom: ownDay, dateTo: ownDay }
}

/**
 * The arXiv id named by any of these strings: an arxiv.org URL, `oai:arXiv.org:ID`, `arXiv:ID`,
 * the arXiv DOI `10.48550/arXiv.ID`, or a Hugging Face paper page (whose ids are arXiv ids).
 */
export function arxivIdIn(candidates: Iterable<string>): { id: string; version: number | null } | null {
  for (const candidate of candidates) {
    const viaDoi = /10\.48550\/arxiv\.(\S+)/i.exec(candidate)
    if (viaDoi) {
      const found = parseArxivId(viaDoi[1]!)
      if (found) return found
    }
    if (!/arxiv|huggingface\.co\/papers\//i.test(candidate)) continue
    const found = parseArxivId(candidate)
    if (found) return found
  }
  return null
}

/** The DOI named by any of these strings, when the string says it is one (`doi:`, doi.org, `/doi/`, a bare `10.`). */
export function doiIn(candidates: Iterable<string>): string | null {
  for (const candidate of candidates) {
    const trimmed = candidate.trim()
    if (!/^10\.|doi/i.test(trimmed)) continue
    const doi = normalizeDoi(trimmed.replace(/^doi:\s*/i, ''))
    if (doi) return doi
  }
  return null
}

/** Drops entries identical in every field but their line: the same item pasted twice. */
export function withoutExactDuplicates(entries: ParsedPaper[]): ParsedPaper[] {
  // Grouped by title first, so only entries that share a title are ever serialized.
  const byTitle = new Map<string, Array<{ entry: ParsedPaper; key?: string }>>()
  const keyOf = (entry: ParsedPaper): string => JSON.stringify({ ...entry, line: 0 })
  return entries.filter((entry) => {
    const group = byTitle.get(entry.title)
    if (!group) {
      byTitle.set(entry.title, [{ entry }])
      return true
    }
    const key = keyOf(entry)
    for (const other of group) {
      other.key ??= keyOf(other.entry)
      if (other.key === key) return false
    }
    group.push({ entry, key })
    return true
  })
}
