// The app's export: the exportPapers operation through dispatch, with a stand-in save dialog.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExportFormat } from '../../../src/shared/export'
import { dispatch } from '../../../src/main/dispatch'
import { createFileGrants } from '../../../src/main/file-grants'
import { createHandlers, importInline } from '../../../src/main/handlers'
import { importFile } from '../../../src/main/ingest/pipeline'
import { openLibrary, type Library } from '../../../src/main/library'
import { saveDialogFilters } from '../../../src/main/export/app-export'

const bib = resolve(__dirname, '../../fixtures/formats/bibtex/library.bib')

let scratch: string
let library: Library
let answer: string | null
let asked: { name: string; format: ExportFormat | undefined }[]

function call(args: unknown) {
  const handlers = createHandlers(library, {
    openExternal: () => {},
    chooseFiles: async () => [],
    runImports: importInline(library),
    samplePath: bib,
    readClipboard: () => '',
    files: createFileGrants(),
    chooseExportFile: async (name, format) => (asked.push({ name, format }), answer)
  })
  return dispatch(handlers, 'exportPapers', args)
}

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'dogear-export-handler-'))
  library = openLibrary(':memory:')
  importFile(library, bib)
  answer = null
  asked = []
})

afterEach(() => {
  library.close()
  rmSync(scratch, { recursive: true, force: true })
})

describe('exportPapers', () => {
  it('writes the chosen ids where the reader chose, in the format asked', async () => {
    answer = join(scratch, 'chosen.bib')
    const result = await call({ format: 'ris', ids: [2, 1] })
    expect(result).toEqual({ ok: true, value: { path: answer, format: 'ris', papers: 2 } })
    expect(asked).toEqual([{ name: 'dogear-selection.ris', format: 'ris' }])
    expect(readFileSync(answer, 'utf8').match(/^TY {2}- /gm)).toHaveLength(2)
  })

  it('exports a list by its filter and search, the format following the file name', async () => {
    answer = join(scratch, 'starred.csl.json')
    const result = await call({ filter: { kind: 'starred' } })
    expect(result).toMatchObject({ ok: true, value: { format: 'csl-json', papers: 2 } })
    expect(asked[0]!.name).toBe('dogear-starred.bib')
    answer = join(scratch, 'sheep.md')
    const searched = await call({ filter: { kind: 'all' }, query: 'sheep' })
    expect(searched).toMatchObject({ ok: true, value: { format: 'markdown', papers: 1 } })
    expect(readFileSync(answer, 'utf8')).toMatch(/^# All papers: search "sheep"\n/)
  })

  it('answers null and writes nothing when the dialog is cancelled', async () => {
    expect(await call({ ids: [1] })).toEqual({ ok: true, value: null })
  })

  it('refuses arguments outside the contract before showing any dialog', async () => {
    expect(await call({ format: 'docx', ids: [1] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await call({ ids: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await call({ ids: [1], path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    expect(asked).toEqual([])
  })

  it('says which file it could not write', async () => {
    answer = join(scratch, 'missing-folder', 'x.bib')
    const result = await call({ ids: [1] })
    expect(result).toMatchObject({
      ok: false,
      error: { message: `cannot write ${answer}: the folder ${join(scratch, 'missing-folder')} does not exist` }
    })
  })

  it('offers the asked format first in the save dialog', () => {
    expect(saveDialogFilters('ris').map((f) => f.extensions)).toEqual([
      ['ris'],
      ['bib', 'bibtex'],
      ['json', 'csljson'],
      ['md', 'markdown'],
      ['json']
    ])
  })
})
