// Hugging Face daily papers JSON (`/api/daily_papers?date=...`): an array of rows, each with a
// `paper` (arXiv id, title, summary, authors, links) and the day it was listed
// (`submittedOnDailyAt`). Row-level fields repeat some of the paper's: the paper's win.
// Hidden authors are kept: their names are public on the paper's page.
// Not JSON, or JSON that is not an array, is MALFORMED; an empty array gives no entries.
import { collapseWhitespace, parseArxivId, toLinks } from '../normalize'
import { arrayElementLines, isRecord, nonEmptyString, parseJsonSafely, type JsonRecord } from '../text/json'
import { ImportError, type DigestParser, type ParsedLink, type ParsedPaper, type ParseWarning } from '../types'
import { digestDays, isoDay, paragraphs, withoutExactDuplicates } from './feed-common'
import { arxivFields, parsedPaper } from '../paper'
import { cleanNames } from '../names'

export const hfJsonParser: DigestParser = {
  format: 'hf-json',
  label: 'Hugging Face daily papers (JSON)',
  extensions: ['.json'],
  detect(text, fileName) {
    const head = text.slice(0, 65_536).replace(/^\uFEFF?\s*/, '')
    const isJsonFile = /\.json$/i.test(fileName)
    if (!head.startsWith('[') || !/"paper"\s*:\s*\{/.test(head)) return isJsonFile ? 0.05 : 0
    if (head.includes('"submittedOnDailyAt"')) return 0.95
    if (head.includes('"summary"') && head.includes('"upvotes"')) return 0.9
    return 0.6
  },
  parse(text, context) {
    const rows = parseJsonSafely(text, context.fileName)
    if (!Array.isArray(rows)) {
      throw new ImportError('MALFORMED', context.fileName, 'expected a JSON array of daily papers rows')
    }
    const lines = arrayElementLines(text, [])
    const entries: ParsedPaper[] = []
    const warnings: ParseWarning[] = []
    const listDays: Array<string | null> = []
    rows.forEach((row: unknown, index) => {
      const line = lines[index] ?? 1
      if (!isRecord(row)) {
        warnings.push({ line, message: `skipped row ${index + 1}: not an object` })
        return
      }
      const paper = isRecord(row.paper) ? row.paper : row
      listDays.push(isoDay(nonEmptyString(row.submittedOnDailyAt) ?? nonEmptyString(paper.submittedOnDailyAt)))
      const entry = rowToPaper(row, paper, line)
      if (entry) entries.push(entry)
      else warnings.push({ line, message: `skipped row ${index + 1}: no title` })
    })
    return {
      digest: { title: 'Hugging Face Daily Papers', ...digestDays(listDays, null, context) },
      entries: withoutExactDuplicates(entries),
      warnings
    }
  }
}

function rowToPaper(row: JsonRecord, paper: JsonRecord, line: number): ParsedPaper | null {
  const title = collapseWhitespace(nonEmptyString(paper.title) ?? nonEmptyString(row.title) ?? '')
  if (!title) return null
  const summary = nonEmptyString(paper.summary) ?? nonEmptyString(row.summary)
  const snippet = nonEmptyString(paper.ai_summary) ?? nonEmptyString(row.ai_summary)
  const id = nonEmptyString(paper.id)
  const arxiv = id ? parseArxivId(id) : null
  return parsedPaper({
    title,
    authors: authorNames(paper.authors ?? row.authors),
    abstract: summary ? paragraphs(summary) || null : null,
    snippet: snippet ? collapseWhitespace(snippet) : null,
    ...arxivFields(arxiv),
    links: paperLinks(arxiv?.id ?? null, paper, row),
    publishedAt: isoDay(nonEmptyString(paper.publishedAt) ?? nonEmptyString(row.publishedAt)),
    line
  })
}

function paperLinks(arxivId: string | null, paper: JsonRecord, row: JsonRecord): ParsedLink[] {
  const code = nonEmptyString(paper.githubRepo) ?? nonEmptyString(row.githubRepo)
  const project = nonEmptyString(paper.projectPage) ?? nonEmptyString(row.projectPage)
  const links = [
    ...toLinks(arxivId ? [`https://arxiv.org/abs/${arxivId}`, `https://huggingface.co/papers/${arxivId}`] : []),
    ...toLinks(code ? [code] : [], 'code'),
    ...toLinks(project ? [project] : [], 'project')
  ]
  return links.filter((link, index) => links.findIndex((other) => other.url === link.url) === index)
}

function authorNames(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return cleanNames(
    value.map((author: unknown) =>
      typeof author === 'string' ? author : isRecord(author) ? nonEmptyString(author.name) : null
    )
  )
}
