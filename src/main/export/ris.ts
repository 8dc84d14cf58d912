// RIS, the tagged format every reference manager reads: one `XX  - value` line per value,
// repeated tags for repeated values (AU, UR, KW), the reader's note in N1. Values are one
// line each: RIS readers join wrapped lines with a space anyway.
import { dateParts, keywordsOf, oneLine } from './text'
import type { ExportPaper, ExportWriter } from './types'

export function risWriter(): ExportWriter {
  return { begin: () => '', paper: risRecord, end: () => '' }
}

export function risRecord(paper: ExportPaper): string {
  const lines: string[] = []
  const add = (tag: string, value: string | null | undefined): void => {
    const text = value ? oneLine(value) : ''
    if (text) lines.push(`${tag}  - ${text}`)
  }
  add('TY', paper.venue ? 'JOUR' : 'GEN')
  add('TI', paper.title)
  for (const author of paper.authors) add('AU', author)
  const date = dateParts(paper.date)
  if (date) {
    add('PY', String(date.year))
    add('DA', `${date.year}/${pad(date.month)}/${pad(date.day)}/`)
  } else if (paper.year !== null) add('PY', String(paper.year))
  add('T2', paper.venue)
  add('AB', paper.abstract)
  add('DO', paper.doi)
  for (const url of urlsOf(paper)) add('UR', url)
  for (const keyword of keywordsOf(paper)) add('KW', keyword)
  add('N1', paper.note)
  lines.push('ER  - ', '')
  return lines.join('\n') + '\n'
}

/** The paper's page first, then every other link once. */
function urlsOf(paper: ExportPaper): string[] {
  return [...new Set([...(paper.url ? [paper.url] : []), ...paper.links.map((link) => link.url)])]
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
