// Markdown digests: papers as headings, as list items, or as table rows.
//
// The file is scanned line by line (no regular expression ever runs over more than one line,
// and none can backtrack badly within one). What counts as a paper, so that badges, tables
// of contents, intro prose and how-to sections do not:
//   a title, plus at least one of: a link to a paper (arXiv, DOI, OpenReview, a PDF, a
//   proceedings page...), an authors line/column, or an explicit abstract (an `Abstract`
//   heading or label, an abstract/summary column, a `<details>` block).
// A heading that is a paper owns every deeper heading below it (its Abstract, its embedded
// summary), so those are never papers themselves. Imported HTML comes out as plain text.
import type { DigestParser } from '../../types'
import { linksOf } from './inline'
import { isPaperUrl } from './paper-rules'
import { parseMarkdown, streamMarkdown } from './reader'

export { fragmentText } from './html-fragments'
export { isPaperUrl } from './paper-rules'
export { parseMarkdown } from './reader'

const DETECT_SCAN = 65_536

export const markdownParser: DigestParser = {
  format: 'markdown',
  label: 'Markdown digest (papers as headings, lists or tables)',
  extensions: ['.md', '.markdown'],
  detect(text, fileName) {
    const head = text.slice(0, DETECT_SCAN)
    const byName = /\.(md|markdown)$/i.test(fileName) ? 0.3 : 0
    let paperLinks = 0
    let headings = 0
    let linkLines = 0
    let fenced = false
    for (const line of head.split('\n', 2000)) {
      if (/^\s{0,3}(`{3,}|~{3,})/.test(line)) fenced = !fenced
      if (!fenced && /^#{2,6}\s+\S/.test(line)) headings++
      // "[Paper page](https://huggingface.co/papers/...)" on a line of its own, under a heading.
      if (!fenced && line.length < 300 && /^\s*\S{0,16}\s*(\[[^\]]{1,40}\]\(\S+\)|<?https?:\/\/\S+)\s*$/.test(line)) {
        if (linksOf(line).some((l) => isPaperUrl(l.url))) linkLines++
      }
      // Only links on structure lines (headings, list items, table rows) count: prose cites papers too.
      if (fenced || !/^\s{0,3}(#{1,6}\s|\||[-*+]\s|\d{1,4}[.)]\s)/.test(line) || !line.includes('](')) continue
      if (linksOf(line.slice(0, 4000)).some((l) => isPaperUrl(l.url))) paperLinks++
    }
    if (paperLinks >= 3) return Math.max(byName, 0.85)
    if (paperLinks >= 1) return Math.max(byName, 0.7)
    if (headings >= 2 && linkLines >= 2) return Math.max(byName, 0.6)
    if (/^\s*\*\*authors?\*\*\s*:/im.test(head)) return Math.max(byName, 0.6)
    return byName
  },
  parse: parseMarkdown,
  stream: streamMarkdown
}
