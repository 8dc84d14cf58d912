// What a newcomer meets first on the command line: the version, help for a mistyped command,
// and listings whose JSON keeps the total the human output shows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDogear } from '../../support/cli'

const sample = resolve(__dirname, '../../../resources/sample-digest.txt')
const version = (JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string })
  .version

let scratch: string
let db: string

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'dogear-cli-pages-'))
  db = join(scratch, 'lib.sqlite')
  expect((await runDogear(['import', sample, '--db', db])).code).toBe(0)
})

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('dogear --version', () => {
  it("prints package.json's version, also as JSON", async () => {
    expect(await runDogear(['--version'])).toEqual({ code: 0, stdout: `dogear ${version}\n`, stderr: '' })
    expect(JSON.parse((await runDogear(['--version', '--json'])).stdout)).toEqual({ version })
  })
})

describe('dogear help COMMAND', () => {
  it('shows one command, and refuses an unknown one with exit 2', async () => {
    expect((await runDogear(['help', 'list'])).stdout).toMatch(/^Usage: dogear list/)
    const unknown = await runDogear(['help', 'frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toMatch(/^dogear: unknown command "frobnicate"/)
  })
})

describe('--json-page', () => {
  it('keeps --json an array and gives list its total and offset', async () => {
    const array = JSON.parse((await runDogear(['list', '--limit', '3', '--json', '--db', db])).stdout) as unknown[]
    expect(array).toHaveLength(3)
    const page = JSON.parse(
      (await runDogear(['list', '--limit', '3', '--offset', '2', '--json-page', '--db', db])).stdout
    )
    expect(page).toMatchObject({ total: 12, offset: 2 })
    expect(page.items).toHaveLength(3)
  })

  it('gives search its total', async () => {
    const page = JSON.parse((await runDogear(['search', 'a', '--limit', '1', '--json-page', '--db', db])).stdout)
    expect(page.items).toHaveLength(1)
    expect(page.total).toBeGreaterThan(1)
    expect(page.offset).toBe(0)
  })
})
