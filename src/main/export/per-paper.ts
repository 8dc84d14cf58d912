// One Markdown file per paper, for Obsidian-style vaults: YAML front matter (the facts, tags
// without spaces as vaults want them, the reading state), then the title, links, abstract and
// the note as written. File names come from titles made safe on every system and unique in
// the folder (compared without case, as macOS and Windows do); they never hold a path.
import { factLines, linkedTitle } from './markdown'
import type { ExportPaper } from './types'

const MAX_NAME = 80
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i

export function perPaperMarkdown(paper: ExportPaper): string {
  const lines = [
    '---',
    ...frontMatter(paper),
    '---',
    '',
    `# ${linkedTitle(paper)}`,
    '',
    factLines(paper).join('  \n'),
    ''
  ]
  const others = paper.links.filter((link) => link.url !== paper.url)
  if (others.length > 0) lines.push(others.map((link) => `- [${link.kind}](<${link.url}>)`).join('\n'), '')
  if (paper.abstract) lines.push('## Abstract', '', paper.abstract, '')
  if (paper.note) lines.push('## Note', '', paper.note.trimEnd(), '')
  return lines.join('\n')
}

function frontMatter(paper: ExportPaper): string[] {
  const fields: [string, unknown][] = [
    ['title', paper.title],
    ['authors', paper.authors],
    ['year', paper.year],
    ['published', paper.date],
    ['arxiv', paper.arxivId],
    ['doi', paper.doi],
    ['url', paper.url],
    ['subjects', paper.subjects],
    ['tags', paper.tags.map((tag) => tag.trim().replace(/\s+/g, '-'))],
    ['digests', paper.digests.map((digest) => (digest.date ? `${digest.title} (${digest.date})` : digest.title))],
    ['read', paper.read],
    ['starred', paper.starred]
  ]
  // JSON is valid YAML: every value is written as JSON, so no title can break the block.
  return fields
    .filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
}

/** A file name from a title: no path separators, no characters a system refuses, not too long. */
export function safeFileStem(title: string): string {
  const cleaned = title
    .normalize('NFC')
    // Control characters are refused by Windows and confuse every shell: they go first.
    .replace(/\p{Cc}/gu, ' ')
    // A TeX command's backslash goes (`$\\omega$` -> `$omega$`); other forbidden characters part words.
    .replace(/\\/g, '')
    .replace(/[/:*?"<>|#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const cut = [...cleaned].slice(0, MAX_NAME).join('').trim()
  const stem = cut.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '')
  if (!stem) return 'Untitled'
  return WINDOWS_RESERVED.test(stem) ? `_${stem}` : stem
}

/** Names unique within one export: `Title.md`, then `Title (2).md`, ... */
export function createFileNamer(): (paper: ExportPaper) => string {
  const taken = new Set<string>()
  return (paper) => {
    const stem = safeFileStem(paper.title)
    let name = `${stem}.md`
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} (${n}).md`
    taken.add(name.toLowerCase())
    return name
  }
}
