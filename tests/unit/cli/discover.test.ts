// `dogear recommend`, `dogear related`, `list --sort seen|recommended`, `list --revised` and the
// versions `show` lists, in-process against a library file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDogear, type CliRun } from '../../support/cli'
import { openLibrary } from '../../../src/main/library'
import type { Paper, PaperDetail, RelatedPaper } from '../../../src/shared/model'
import { digest, paper } from '../library/helpers'
import { themedLibraryEntries } from '../discover/fixtures'

let scratch: string
let db: string

function dogear(argv: string[]): Promise<CliRun> {
  return runDogear([...argv, '--db', db], { env: { HOME: scratch } })
}

const entries = themedLibraryEntries()
const kettleIds = entries.flatMap((e, i) => (e.theme === 'kettle' ? [i + 1] : []))

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'dogear-discover-cli-'))
  db = join(scratch, 'lib.sqlite')
  const library = openLibrary(db)
  library.importDigest(digest(entries.map((e) => e.entry)))
  library.importDigest(
    digest([paper('Revised Kettle Report', { arxivId: '2403.00077', arxivVersion: 1 }), entries[0]!.entry])
  )
  library.close()
})

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('dogear recommend', () => {
  it('says what it needs with fewer than 3 stars', async () => {
    const run = await dogear(['recommend'])
    expect(run.code).toBe(0)
    expect(run.stdout.trim()).toBe('Star 3 papers to get suggestions like them.')
  })

  it('prints ranked unread papers with their reasons, as text and as JSON', async () => {
    expect((await dogear(['star', ...kettleIds.slice(0, 3).map(String)])).code).toBe(0)
    const text = await dogear(['recommend', '--limit', '2'])
    expect(text.code).toBe(0)
    const lines = text.stdout.trim().split('\n')
    expect(lines[1]).toMatch(/^\s+like '.*(kettle|spout|steam).*'/)
    expect(lines.at(-1)).toMatch(/^2 of \d+ suggestions$/)
    const json = JSON.parse((await dogear(['recommend', '--limit', '3', '--json'])).stdout) as { papers: Paper[] }
    expect(json.papers).toHaveLength(3)
    expect(json.papers.every((p) => kettleIds.includes(p.id) && !p.starred && p.recommendation!.terms.length > 0)).toBe(
      true
    )
  })

  it('lists papers by recommendation and by how many digests list them', async () => {
    const byScore = JSON.parse(
      (await dogear(['list', '--sort', 'recommended', '--limit', '3', '--json'])).stdout
    ) as Paper[]
    expect(byScore.every((p) => kettleIds.includes(p.id))).toBe(true)
    const bySeen = JSON.parse((await dogear(['list', '--sort', 'seen', '--limit', '1', '--json'])).stdout) as Paper[]
    expect(bySeen[0]!.id).toBe(1)
    expect(bySeen[0]!.digests).toHaveLength(2)
  })
})

describe('dogear related', () => {
  it('prints the closest papers to one paper', async () => {
    const related = JSON.parse(
      (await dogear(['related', String(kettleIds[0]), '--limit', '3', '--json'])).stdout
    ) as RelatedPaper[]
    expect(related.map((p) => p.id).every((id) => kettleIds.includes(id) && id !== kettleIds[0])).toBe(true)
    const text = await dogear(['related', String(kettleIds[0])])
    expect(text.stdout.split('\n')[0]).toMatch(/^Closest to #\d+ /)
  })

  it('refuses an unknown paper', async () => {
    const run = await dogear(['related', '9999'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('no paper with id 9999')
  })
})

describe('versions from the command line', () => {
  it('lists a revised paper and shows its versions', async () => {
    const id = entries.length + 1
    expect((await dogear(['read', String(id)])).code).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const library = openLibrary(db)
    library.importDigest(
      digest([paper('Revised Kettle Report', { arxivId: '2403.00077', arxivVersion: 2 })], { date: '2024-03-20' })
    )
    library.close()
    const revised = JSON.parse((await dogear(['list', '--revised', '--json'])).stdout) as Paper[]
    expect(revised.map((p) => p.id)).toEqual([id])
    const shown = await dogear(['show', String(id)])
    expect(shown.stdout).toMatch(/Versions: v1 {2}2024-03-12 {2}first in #2/)
    expect(shown.stdout).toContain('v2 · revised since you read v1')
    const detail = JSON.parse((await dogear(['show', String(id), '--json'])).stdout) as PaperDetail
    expect(detail.revision).toEqual({ readVersion: 1, latestVersion: 2 })
  })
})
