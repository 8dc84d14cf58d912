// Markdown for note-taking apps: one section per paper (the title linked to its page, the
// authors, the digest and its day, identifiers, tags, the reading state) and the reader's note
// as written, unchanged. Text from the sources is escaped so it cannot turn into markup.
import type { ExportMeta, ExportPaper, ExportWriter } from './types'

export function markdownWriter(meta: ExportMeta): ExportWriter {
  return {
    begin: () => `# ${escapeMarkdown(meta.title)}\n\nExported from Dogear on ${meta.exportedAt.slice(0, 10)}.\n\n`,
    paper: (paper) => markdownSection(paper),
    end: () => ''
  }
}

export function markdownSection(paper: ExportPaper): string {
  const lines = [`## ${linkedTitle(paper)}`, '']
  const facts = factLines(paper)
  if (facts.length > 0) lines.push(facts.join('  \n'), '')
  if (paper.note) lines.push(paper.note.trimEnd(), '')
  return lines.join('\n') + '\n'
}

export function linkedTitle(paper: ExportPaper): string {
  const title = escapeMarkdown(paper.title)
  return paper.url ? `[${title}](${markdownUrl(paper.url)})` : title
}

/** The lines under the title, each ending in a hard line break but the last. */
export function factLines(paper: ExportPaper): string[] {
  const lines: string[] = []
  if (paper.authors.length > 0) lines.push(escapeMarkdown(paper.authors.join(', ')))
  const digest = paper.digests[0]
  if (digest) lines.push(escapeMarkdown(digest.date ? `${digest.title}, ${digest.date}` : digest.title))
  const ids = [
    paper.arxivId ? `arXiv ${paper.arxivId}` : null,
    paper.doi ? `DOI ${paper.doi}` : null,
    paper.date ? `published ${paper.date}` : null
  ].filter((part): part is string => part !== null)
  if (ids.length > 0) lines.push(escapeMarkdown(ids.join(' · ')))
  if (paper.tags.length > 0) lines.push(`Tags: ${paper.tags.map(escapeMarkdown).join(', ')}`)
  const state = [paper.read ? 'Read' : 'Unread', ...(paper.starred ? ['Starred'] : [])]
  lines.push(state.join(' · '))
  return lines
}

/** Backslash before every character Markdown could read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]<>()#+!|~$]/g, '\\$&')
}

/** A URL in `(...)`: spaces and parentheses encoded so the link ends where it should. */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c))
}
