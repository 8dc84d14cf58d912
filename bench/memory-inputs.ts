// Files for the memory bench, one per format that gets large: invented papers, written to disk
// a piece at a time so the bench process itself never holds a whole file as one string.
import { closeSync, openSync, writeSync } from 'node:fs'
import { PaperFactory } from './synthetic'

export interface MemoryInput {
  name: string
  includes: string
  /** The file's extension, as a reader's file of the format would have it. */
  extension: string
  /** Writes about `megabytes` MB of the format to `path`. */
  write(path: string, megabytes: number): void
}

/** Appends pieces to a file until it holds `bytes`; `piece(i)` makes the i-th piece. */
function writeUntil(path: string, bytes: number, head: string, piece: (i: number) => string, tail: string): void {
  const fd = openSync(path, 'w')
  try {
    let written = writeSync(fd, head)
    for (let i = 0; written < bytes; i++) written += writeSync(fd, piece(i))
    writeSync(fd, tail)
  } finally {
    closeSync(fd)
  }
}

const MB = 1024 * 1024

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}

export const MEMORY_INPUTS: MemoryInput[] = [
  {
    name: 'bibtexTiny',
    extension: '.bib',
    includes: 'BibTeX: tiny @misc entries (title, author): the most objects per byte',
    write: (path, mb) =>
      writeUntil(path, mb * MB, '', (i) => `@misc{k${i}, title = {Gravel Lattice ${i}}, author = {Ima Inventor}}\n`, '')
  },
  {
    name: 'bibtex',
    extension: '.bib',
    includes: 'BibTeX: @article entries with authors, year, eprint, keywords and a ~1 kB abstract',
    write: (path, mb) => {
      const factory = new PaperFactory(11)
      writeUntil(
        path,
        mb * MB,
        '',
        (i) =>
          `@article{k${i},\n  title = {${factory.title()}},\n  author = {${factory.author()} and ${factory.author()}},\n` +
          `  year = {2024},\n  eprint = {2403.${String(i % 100_000).padStart(5, '0')}},\n  archivePrefix = {arXiv},\n` +
          `  keywords = {cs.CL, cs.LG},\n  abstract = {${factory.abstract(1_000)}}\n}\n\n`,
        ''
      )
    }
  },
  {
    name: 'ris',
    extension: '.ris',
    includes: 'RIS: records with two authors, a year, two keywords and a ~1 kB abstract',
    write: (path, mb) => {
      const factory = new PaperFactory(12)
      writeUntil(
        path,
        mb * MB,
        '',
        () =>
          `TY  - JOUR\nTI  - ${factory.title()}\nAU  - ${factory.author()}\nAU  - ${factory.author()}\nPY  - 2024\n` +
          `KW  - kettles\nKW  - gravel\nAB  - ${factory.abstract(1_000)}\nER  - \n\n`,
        ''
      )
    }
  },
  {
    name: 'feed',
    extension: '.xml',
    includes: 'RSS 2.0: items with a link, a date, a category and a ~1 kB description',
    write: (path, mb) => {
      const factory = new PaperFactory(13)
      writeUntil(
        path,
        mb * MB,
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Invented Papers</title>\n',
        (i) =>
          `<item><title>${escapeXml(factory.title())}</title><link>https://example.org/p/${i}</link>` +
          `<pubDate>Tue, 12 Mar 2024 00:00:00 +0000</pubDate><category>gravel</category>` +
          `<description>${escapeXml(factory.abstract(1_000))}</description></item>\n`,
        '</channel></rss>\n'
      )
    }
  },
  {
    name: 'markdown',
    extension: '.md',
    includes: 'Markdown: a heading per paper with an authors line, an arXiv link and a ~1 kB abstract',
    write: (path, mb) => {
      const factory = new PaperFactory(14)
      writeUntil(
        path,
        mb * MB,
        '# Invented Papers 2024-03-12\n\n',
        (i) =>
          `## ${factory.title()}\n\n**Authors:** ${factory.author()}, ${factory.author()}\n\n` +
          `[arXiv](https://arxiv.org/abs/2403.${String(i % 100_000).padStart(5, '0')})\n\n${factory.abstract(1_000)}\n\n`,
        ''
      )
    }
  },
  {
    name: 'hfText',
    extension: '.txt',
    includes: 'Hugging Face page as text: title, authors count, ~1.5 kB abstracts',
    write: (path, mb) => {
      const factory = new PaperFactory(99)
      writeUntil(
        path,
        mb * MB,
        'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMar 12\n\n',
        () => `${factory.title()}\n\n${factory.abstract()}\n\n`,
        ''
      )
    }
  }
]
