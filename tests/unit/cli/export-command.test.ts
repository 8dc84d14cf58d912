// `dogear export` in-process against a real library file: formats, filters, where it writes,
// and what it says when it cannot.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runDogear, type CliRun } from '../../support/cli'
import { runCli } from '../../../src/main/cli/run'
import { openLibrary } from '../../../src/main/library'
import { exportFormatOfFileName } from '../../../src/shared/export'

const formats = resolve(__dirname, '../../fixtures/formats')

let scratch: string
let db: string

function dogear(...argv: string[]): Promise<CliRun> {
  return runDogear([...argv, '--db', db], { env: { HOME: scratch } })
}

beforeEach(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'dogear-cli-export-'))
  db = join(scratch, 'lib.sqlite')
  const imported = await dogear('import', join(formats, 'bibtex/library.bib'), join(formats, 'ris/references.ris'))
  expect(imported.code).toBe(0)
  await dogear('star', '1', '2')
  await dogear('read', '2')
  await dogear('tag', 'Thesis', '2', '3')
  await dogear('note', '2', 'Cite in chapter 2')
})

afterEach(() => rmSync(scratch, { recursive: true, force: true }))

/** How many papers the library holds (the import fixtures decide it). */
async function paperCount(): Promise<number> {
  return (JSON.parse((await dogear('list', '--json')).stdout) as unknown[]).length
}

const entries = (bib: string) => [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1])

describe('dogear export', () => {
  it('prints BibTeX of the starred papers on stdout', async () => {
    const run = await dogear('export', '--format', 'bibtex', '--starred')
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(entries(run.stdout)).toEqual(['kowalczyk2024lanterns', 'skoda2024counting'])
    expect(run.stdout).toContain('annote        = {Cite in chapter 2}')
  })

  it('combines filters: starred, unread, a tag, a digest, a search or a saved search', async () => {
    const titles = async (...flags: string[]) => {
      const run = await dogear('export', '--format', 'ris', ...flags)
      expect(run.code).toBe(0)
      return [...run.stdout.matchAll(/^TI {2}- (.*)$/gm)].map((m) => m[1])
    }
    expect(await titles('--starred')).toHaveLength(2)
    expect(await titles('--unread', '--tag', 'Thesis')).toEqual(['Whispering Tokens: A Study of Quiet Prompts'])
    expect(await titles('--tag', 'thesis', '--starred')).toEqual(['Counting Sheep with $\\omega$-Regular Automata'])
    expect(await titles('--digest', '2')).toHaveLength(4)
    expect(await titles('--search', 'sheep')).toEqual(['Counting Sheep with $\\omega$-Regular Automata'])
    await dogear('save-search', 'Sheep', 'title:sheep')
    expect(await titles('--search', 'Sheep', '--unread')).toEqual([])
    expect(await titles('1', '3')).toHaveLength(2)
  })

  it('streams to stdout piece by piece where the process can take pieces', async () => {
    const chunks: string[] = []
    const printed: string[] = []
    const code = await runCli(
      ['export', '--format', 'ris', '--db', db],
      {
        stdout: (text) => void printed.push(text),
        stderr: () => {},
        write: (chunk) => void chunks.push(chunk),
        readStdin: async () => '',
        env: { HOME: scratch }
      },
      { openLibrary: (path, { create }) => openLibrary(path, { create }) }
    )
    expect(code).toBe(0)
    expect(printed).toEqual([])
    expect(chunks.join('')).toBe((await dogear('export', '--format', 'ris')).stdout)
  })

  it('takes the format from the file name, the longest ending first', () => {
    expect(exportFormatOfFileName('a.BIB')).toBe('bibtex')
    expect(exportFormatOfFileName('a.csl.json')).toBe('csl-json')
    expect(exportFormatOfFileName('a.json')).toBe('csl-json')
    expect(exportFormatOfFileName('a.dogear.json')).toBe('json')
    expect(exportFormatOfFileName('notes.markdown')).toBe('markdown')
    expect(exportFormatOfFileName('a.txt')).toBeNull()
  })

  it('writes --out FILE, its format from the name, and says what it wrote', async () => {
    const total = await paperCount()
    const out = join(scratch, 'papers.csl.json')
    const run = await dogear('export', '--out', out)
    expect(run.stdout).toBe(`Exported ${total} papers to ${out} (CSL-JSON (Zotero, pandoc)).\n`)
    const items = JSON.parse(readFileSync(out, 'utf8')) as { title: string }[]
    expect(items).toHaveLength(total)
    expect(readdirSync(scratch).filter((name) => name.endsWith('.part'))).toEqual([])
    const answer = await dogear('export', '--format', 'markdown', '--out', join(scratch, 'list.md'), '--json')
    expect(JSON.parse(answer.stdout)).toMatchObject({ format: 'markdown', papers: total })
  })

  it('writes one Markdown file per paper into a folder, and keeps files already there', async () => {
    const vault = join(scratch, 'vault', 'Papers')
    const first = await dogear('export', '--out', vault, '--per-paper', '--tag', 'Thesis')
    expect(first.stdout).toBe(`Exported 2 papers to ${vault}: wrote 2 Markdown files.\n`)
    const names = readdirSync(vault).sort()
    expect(names).toEqual([
      'Counting Sheep with $omega$-Regular Automata.md',
      'Whispering Tokens A Study of Quiet Prompts.md'
    ])
    const sheep = readFileSync(join(vault, names[0]!), 'utf8')
    expect(sheep).toMatch(/^---\ntitle: "Counting Sheep with \$\\\\omega\$-Regular Automata"\n/)
    expect(sheep).toContain('tags: ["Thesis"]')
    expect(sheep).toContain('## Note\n\nCite in chapter 2\n')
    writeFileSync(join(vault, names[1]!), 'edited in the vault')
    const total = await paperCount()
    const again = await dogear('export', '--out', vault, '--per-paper')
    expect(again.stdout).toBe(
      `Exported ${total} papers to ${vault}: wrote ${total - 2} Markdown files; 2 already there were left as they were.\n`
    )
    expect(readFileSync(join(vault, names[1]!), 'utf8')).toBe('edited in the vault')
  })

  it('is read-only: a path with no library is refused and nothing is created', async () => {
    const missing = join(scratch, 'nowhere', 'lib.sqlite')
    const run = await runDogear(['export', '--format', 'bibtex', '--db', missing], { env: { HOME: scratch } })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`there is no library at ${missing}`)
    expect(existsSync(join(scratch, 'nowhere'))).toBe(false)
  })

  it('says clearly what is wrong', async () => {
    expect(await dogear('export', '--format', 'endnote')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format takes bibtex, ris, csl-json, markdown, json, not "endnote"')
    })
    expect((await dogear('export', '--out', join(scratch, 'papers.txt'))).stderr).toContain(
      'name the format with --format: '
    )
    expect((await dogear('export', '--per-paper')).stderr).toContain('--per-paper needs --out FOLDER')
    expect((await dogear('export', '--format', 'ris', '--per-paper', '--out', scratch)).stderr).toContain(
      '--per-paper writes Markdown files, not ris'
    )
    expect((await dogear('export', '--tag', 'nope')).stderr).toContain('no tag named "nope"')
    expect((await dogear('export', '--digest', '42')).stderr).toContain('no digest with id 42')
    expect((await dogear('export', '4242')).stderr).toContain('no paper with id 4242')
    const inMissingFolder = join(scratch, 'no-such-folder', 'x.bib')
    expect(await dogear('export', '--out', inMissingFolder)).toMatchObject({
      code: 1,
      stderr: `dogear: cannot write ${inMissingFolder}: the folder ${join(scratch, 'no-such-folder')} does not exist\n`
    })
    expect((await dogear('export', '--out', scratch, '--format', 'bibtex')).stderr).toContain(`${scratch} is a folder`)
    expect((await dogear('export', '--json')).stderr).toContain('with --json, give --out FILE')
  })

  it('leaves an existing file as it was when it cannot write', async () => {
    if (process.getuid?.() === 0) return // root writes anywhere: there is no refusal to see
    const locked = join(scratch, 'locked')
    mkdirSync(locked)
    writeFileSync(join(locked, 'old.bib'), 'old content')
    chmodSync(locked, 0o500)
    try {
      const run = await dogear('export', '--out', join(locked, 'old.bib'))
      expect(run).toMatchObject({ code: 1, stderr: expect.stringContaining('permission denied') })
      expect(readFileSync(join(locked, 'old.bib'), 'utf8')).toBe('old content')
    } finally {
      chmodSync(locked, 0o700)
    }
  })
})
