import { describe, expect, it } from 'vitest'
import type { Change } from '../../../src/main/sync/change'
import { formatStamp } from '../../../src/main/sync/hlc'
import { encodeSegment, MAX_FILE_BYTES, parseSegment } from '../../../src/main/sync/segment'

const DEVICE = 'a'.repeat(32)
const OTHER = 'b'.repeat(32)
const mark: Change = {
  kind: 'mark',
  at: formatStamp({ wall: Date.UTC(2026, 2, 12), counter: 0 }),
  device: DEVICE,
  paper: { arxiv: '2401.00001', title: 'linear attention' },
  field: 'read',
  value: true
}

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8')

function problemOf(text: string): string {
  const parsed = parseSegment(bytes(text))
  if (parsed.ok) throw new Error('expected the segment to be refused')
  return parsed.problem
}

describe('segment files', () => {
  it('round-trips a segment', () => {
    const parsed = parseSegment(bytes(encodeSegment(DEVICE, 1, [mark])))
    expect(parsed).toEqual({ ok: true, value: expect.objectContaining({ seq: 1, changes: [mark] }) })
  })

  it('refuses a half-written file as incomplete', () => {
    const text = encodeSegment(DEVICE, 1, [mark])
    expect(problemOf(text.slice(0, text.length / 2))).toMatch(/not complete JSON/)
  })

  it('refuses a segment whose content no longer matches its checksum', () => {
    const text = encodeSegment(DEVICE, 1, [mark]).replace('"value":true', '"value":false')
    expect(problemOf(text)).toMatch(/checksum/)
  })

  it('refuses unknown fields, hostile keys, foreign changes, newer formats and oversized files', () => {
    const segment = JSON.parse(encodeSegment(DEVICE, 1, [mark])) as Record<string, unknown>
    expect(problemOf(JSON.stringify({ ...segment, __proto__x: 1 }))).toMatch(/not a valid sync file/)
    expect(problemOf(encodeSegment(DEVICE, 1, [{ ...mark, field: 'read; DROP TABLE' as 'read' }]))).toMatch(/field/)
    expect(problemOf(encodeSegment(DEVICE, 1, [{ ...mark, device: OTHER }]))).toMatch(/not by its writer/)
    expect(problemOf(JSON.stringify({ ...segment, version: 2 }))).toMatch(/newer Dogear/)
    expect(problemOf(' '.repeat(MAX_FILE_BYTES + 1))).toMatch(/over the limit/)
    expect(problemOf('{"dogear":"sync-segment","version":1,"device":"x"}')).toMatch(/device/)
  })
})
