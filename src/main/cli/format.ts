// Human output of the command line: compact, aligned, no colour codes (pipes stay clean).
// Pure functions of the data, so the shapes are unit-tested.
import type {
  DigestProgress,
  FormatInfo,
  ImportFileReport,
  LibraryStats,
  Paper,
  PaperDetail,
  SnippetPart
} from '../../shared/model'

const WIDTH = 80

/** One line per paper: id, state marks (● unread, ★ starred, ✎ note), title. */
export function formatPaperList(papers: readonly Paper[], total: number, offset: number): string {
  if (papers.length === 0) return total === 0 ? 'No papers.' : `No papers at offset ${offset} (${total} in all).`
  const idWidth = Math.max(...papers.map((p) => String(p.id).length))
  const lines = papers.map((p) => `${String(p.id).padStart(idWidth)} ${marks(p)} ${p.title}`)
  const shown =
    papers.length === total
      ? `${total} paper${plural(total)}`
      : `${offset + 1}-${offset + papers.length} of ${total} papers`
  return [...lines, '', `${shown}  (● unread  ★ starred  ✎ note)`].join('\n')
}

function marks(paper: Paper): string {
  return `${paper.read ? ' ' : '●'}${paper.starred ? '★' : ' '}${paper.note ? '✎' : ' '}`
}

export function formatPaper(paper: PaperDetail): string {
  const lines = [`#${paper.id}  ${paper.title}`]
  if (paper.authors.length > 0) lines.push(`Authors: ${paper.authors.join(', ')}`)
  const state = [paper.read ? `read${paper.readAt ? ` ${paper.readAt}` : ''}` : 'unread']
  if (paper.starred) state.push('starred')
  lines.push(`State:   ${state.join(' · ')}`)
  const ids = [paper.arxivId && `arXiv ${paper.arxivId}`, paper.doi && `DOI ${paper.doi}`, paper.venue].filter(Boolean)
  if (ids.length > 0) lines.push(`Ids:     ${ids.join(' · ')}`)
  if (paper.tags.length > 0) lines.push(`Tags:    ${paper.tags.join(', ')}`)
  if (paper.subjects.length > 0) lines.push(`Subjects: ${paper.subjects.join(', ')}`)
  for (const [index, ref] of paper.digestRefs.entries()) {
    const date = ref.dateFrom
      ? ` (${ref.dateTo && ref.dateTo !== ref.dateFrom ? `${ref.dateFrom} to ${ref.dateTo}` : ref.dateFrom})`
      : ''
    lines.push(`${index === 0 ? 'Digests:' : '        '} #${ref.id} ${ref.title}${date}, position ${ref.position}`)
  }
  for (const [index, link] of paper.links.entries()) {
    lines.push(`${index === 0 ? 'Links:  ' : '        '} ${link.kind.padEnd(7)} ${link.url}`)
  }
  if (paper.abstract) lines.push('', ...wrap(paper.abstract))
  else if (paper.snippet) lines.push('', ...wrap(`(snippet) ${paper.snippet}`))
  if (paper.note) lines.push('', 'Note:', ...paper.note.split('\n').map((line) => `  ${line}`))
  return lines.join('\n')
}

export function highlight(parts: readonly SnippetPart[]): string {
  return collapse(parts.map((part) => (part.match ? `«${part.text}»` : part.text)).join(''))
}

export function plainSnippet(parts: readonly SnippetPart[]): string {
  return collapse(parts.map((part) => part.text).join(''))
}

export function formatImportReport(report: Extract<ImportFileReport, { ok: true }>): string {
  const head = report.alreadyImported
    ? `${report.file}: already imported as digest ${report.digestId}; nothing changed`
    : `${report.file}: ${report.format}, digest ${report.digestId}: ${report.papers} paper${plural(report.papers)} ` +
      `(${report.added} added, ${report.merged} merged, ${report.unchanged} unchanged)`
  const state =
    report.stateApplied === undefined
      ? []
      : [
          `  restored the reading state of ${report.stateApplied} paper${plural(report.stateApplied)}; ` +
            `kept the existing state of ${report.stateKept ?? 0}`
        ]
  const warnings = report.warnings.map((w) => `  warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}`)
  return [head, ...state, ...warnings].join('\n')
}

export function formatDigests(digests: readonly DigestProgress[]): string {
  if (digests.length === 0) return 'No digests yet. Import one with: dogear import FILE'
  const idWidth = Math.max(2, ...digests.map((d) => String(d.id).length))
  const progressWidth = Math.max(...digests.map((d) => `${d.read}/${d.total}`.length))
  const header = `${'ID'.padStart(idWidth)}  ${'DATE'.padEnd(10)}  ${'READ'.padEnd(progressWidth + 11)}  TITLE`
  const rows = digests.map((d) => {
    const date = (d.dateFrom ?? d.importedAt.slice(0, 10)).padEnd(10)
    const source = d.fileName ? ` (${d.fileName})` : ''
    return `${String(d.id).padStart(idWidth)}  ${date}  ${`${d.read}/${d.total}`.padEnd(progressWidth)} ${bar(d.read, d.total, 10)}  ${d.title}${source}`
  })
  return [header, ...rows].join('\n')
}

export function formatStats(stats: LibraryStats): string {
  const lines = [
    `Papers:  ${stats.papers} (${stats.read} read, ${stats.unread} unread)`,
    `Starred: ${stats.starred}   Notes: ${stats.noted}   Digests: ${stats.digests}`
  ]
  if (stats.readPerDay.length > 0) {
    const first = stats.readPerDay[0]!.day
    const last = stats.readPerDay[stats.readPerDay.length - 1]!.day
    const total = stats.readPerDay.reduce((sum, day) => sum + day.read, 0)
    lines.push(`Read ${first} to ${last}: ${total}  ${sparkline(stats.readPerDay.map((d) => d.read))}`)
    for (const day of stats.readPerDay) if (day.read > 0) lines.push(`  ${day.day}  ${day.read}`)
  }
  return lines.join('\n')
}

export function formatFormats(formats: readonly FormatInfo[]): string {
  const width = Math.max(...formats.map((f) => f.name.length))
  return formats
    .map((f) => `${f.name.padEnd(width)}  ${f.label}${f.extensions.length ? `  (${f.extensions.join(' ')})` : ''}`)
    .join('\n')
}

/** A progress bar of `width` cells. */
export function bar(done: number, total: number, width: number): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width)
  return '█'.repeat(filled) + '░'.repeat(width - filled)
}

export function sparkline(values: readonly number[]): string {
  const levels = '▁▂▃▄▅▆▇█'
  const max = Math.max(0, ...values)
  return values.map((v) => (max === 0 ? levels[0] : levels[Math.round((v / max) * (levels.length - 1))])).join('')
}

/** Greedy word wrap; long words stay whole. */
export function wrap(text: string, width = WIDTH): string[] {
  const out: string[] = []
  for (const paragraph of text.split(/\n\s*\n/)) {
    if (out.length > 0) out.push('')
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line === '') line = word
      else if (line.length + 1 + word.length <= width) line += ' ' + word
      else {
        out.push(line)
        line = word
      }
    }
    if (line) out.push(line)
  }
  return out
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function plural(n: number): string {
  return n === 1 ? '' : 's'
}
