// Synthetic digests in two more formats for the speed cases of `npm run bench`: a Markdown
// table digest (abstracts folded into <details> cells) and an arXiv listing e-mail. Invented
// words only, deterministic for the factory's seed.
import type { PaperFactory } from './synthetic'

export interface SyntheticEntry {
  title: string
  authors: string[]
  abstract: string
  arxivId: string
  hasCode: boolean
}

/** Papers with arXiv ids `<yymm>.<serial>` counting up from `firstSerial`, so every entry is new. */
export function syntheticEntries(
  factory: PaperFactory,
  count: number,
  options: { yymm: string; firstSerial: number; abstractLength: number }
): SyntheticEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    title: factory.title(),
    authors: Array.from({ length: 2 + factory.below(5) }, () => factory.author()),
    abstract: factory.abstract(options.abstractLength),
    arxivId: `${options.yymm}.${String(options.firstSerial + i).padStart(5, '0')}`,
    hasCode: factory.below(3) === 0
  }))
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|')
}

/**
 * A README-style digest: a preamble, then one table per topic of
 * | Publish Date | Title | Authors | PDF | Code | Abstract | rows, the abstract folded into a <details> cell.
 */
export function markdownTableDigest(date: string, entries: readonly SyntheticEntry[], topicSize = 500): string {
  const lines = [
    `## Updated on ${date.replace(/-/g, '.')}`,
    '',
    '> Usage instructions: [here](./docs/README.md#usage)',
    ''
  ]
  for (let start = 0; start < entries.length; start += topicSize) {
    lines.push(
      `## Topic ${start / topicSize + 1}`,
      '',
      '| Publish Date | Title | Authors | PDF | Code | Abstract |',
      '|---|---|---|---|---|---|'
    )
    for (const entry of entries.slice(start, start + topicSize)) {
      const abstract = `<details><summary>Abstract</summary><p>${cell(entry.abstract)}</p></details>`
      const authors = entry.authors.length > 3 ? `${cell(entry.authors[0]!)} et.al.` : cell(entry.authors.join(', '))
      const code = entry.hasCode
        ? `**[link](https://github.com/bench-lab/${entry.arxivId.replace('.', '-')})**`
        : 'null'
      lines.push(
        `|**${date}**|**${cell(entry.title)}**|${authors}|[${entry.arxivId}](http://arxiv.org/abs/${entry.arxivId}v1)|${code}|${abstract}|`
      )
    }
    lines.push('')
  }
  return lines.join('\n')
}

const DASHES = '-'.repeat(78)

/** Words of `text` on lines of at most `width` characters, continuation lines indented by `indent`. */
function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = indent + word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines
}

/** A daily "cs" listing e-mail as arXiv sends it: header, then one block per new submission. */
export function arxivListingEmail(day: Date, entries: readonly SyntheticEntry[]): string {
  const stamp = day.toUTCString().replace(/^(\w+), (\d+) (\w+) \d\d(\d\d) /, '$1 $2 $3 $4 ')
  const lines = [
    'From: no-reply@arxiv.example',
    'Subject: cs daily Subj-class mailing 1001 1',
    '',
    DASHES,
    DASHES,
    'Send any comments regarding submissions directly to submitter.',
    DASHES,
    'Archives at http://arxiv.example/',
    DASHES,
    ' Submissions to:',
    'Computation and Language',
    ` received from  ${stamp}  to  ${stamp}`,
    DASHES,
    DASHES
  ]
  for (const entry of entries) {
    const size = `${20 + (Number(entry.arxivId.slice(-3)) % 900)}kb`
    lines.push(
      '\\\\',
      `arXiv:${entry.arxivId}`,
      `Date: ${day.toUTCString().replace(/ GMT$/, '')} GMT   (${size})`,
      '',
      ...wrap(`Title: ${entry.title}`, 76, '  '),
      ...wrap(`Authors: ${entry.authors.join(', ')}`, 76, '  '),
      'Categories: cs.CL cs.LG',
      entry.hasCode
        ? `Comments: 12 pages, code at https://github.com/bench-lab/${entry.arxivId.replace('.', '-')}`
        : 'Comments: 9 pages',
      '\\\\',
      ...wrap(entry.abstract, 76, '').map((line, i) => (i === 0 ? `  ${line}` : line)),
      `\\\\ ( https://arxiv.org/abs/${entry.arxivId} ,  ${size})`,
      DASHES
    )
  }
  return `${lines.join('\n')}\n`
}
