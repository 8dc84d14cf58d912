import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { noteVersionId, paperKeyId, type Change, type PaperKey } from '../../../src/main/sync/change'
import { formatStamp, parseStamp, receive, tick, type Hlc } from '../../../src/main/sync/hlc'
import { noteState, type NoteVersion } from '../../../src/main/sync/note-versions'
import { applyChange, emptyReplica, view, type Replica } from '../../../src/main/sync/replica'

const PAPERS: PaperKey[] = [{ arxiv: '2401.00001', title: 'a' }, { doi: '10.1/x', title: 'b' }, { title: 'c' }]

type Step =
  | { kind: 'mark'; device: number; paper: number; field: 'read' | 'starred'; value: boolean }
  | { kind: 'note'; device: number; paper: number; edit: 'append' | 'delete' | 'replace' | 'clear'; at: number }
  | { kind: 'deliver'; from: number; to: number; picks: number[] }
  | { kind: 'wait'; ms: number }

interface Device {
  id: string
  name: string
  clock: Hlc
  /** Hours this device's wall clock is off. */
  skewMs: number
  replica: Replica
  log: Change[]
}

const step = (devices: number): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('mark' as const),
      device: fc.nat(devices - 1),
      paper: fc.nat(PAPERS.length - 1),
      field: fc.constantFrom('read' as const, 'starred' as const),
      value: fc.boolean()
    }),
    fc.record({
      kind: fc.constant('note' as const),
      device: fc.nat(devices - 1),
      paper: fc.nat(PAPERS.length - 1),
      edit: fc.constantFrom(
        'append' as const,
        'append' as const,
        'delete' as const,
        'replace' as const,
        'clear' as const
      ),
      at: fc.nat(20)
    }),
    fc.record({
      kind: fc.constant('deliver' as const),
      from: fc.nat(devices - 1),
      to: fc.nat(devices - 1),
      picks: fc.array(fc.nat(200), { maxLength: 8 })
    }),
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3_600_000 }) })
  )

let unique = 0
function uniqueLine(device: Device): string {
  unique += 1
  return `line ${unique} by ${device.name}`
}

function deliver(target: Device, changes: readonly Change[], now: number): void {
  for (const change of changes) {
    target.clock = receive(target.clock, parseStamp(change.at), now + target.skewMs)
    applyChange(target.replica, change)
  }
}

function edit(text: string, kind: 'append' | 'delete' | 'replace' | 'clear', at: number, device: Device): string {
  const lines = text === '' ? [] : text.split('\n')
  if (kind === 'clear') return ''
  if (kind === 'append' || lines.length === 0) {
    lines.splice(Math.min(at, lines.length), 0, uniqueLine(device))
  } else if (kind === 'delete') lines.splice(at % lines.length, 1)
  else lines[at % lines.length] = uniqueLine(device)
  return lines.join('\n')
}

function run(deviceCount: number, skews: number[], steps: Step[], finalOrder: number[]): Device[] {
  let now = Date.UTC(2026, 2, 12)
  const devices: Device[] = Array.from({ length: deviceCount }, (_, index) => ({
    id: String(index + 1)
      .repeat(32)
      .slice(0, 32),
    name: `device${index + 1}`,
    clock: { wall: 0, counter: 0 },
    skewMs: skews[index] ?? 0,
    replica: emptyReplica(),
    log: []
  }))
  const make = (device: Device, build: (at: string) => Change): void => {
    device.clock = tick(device.clock, now + device.skewMs)
    const change = build(formatStamp(device.clock))
    device.log.push(change)
    applyChange(device.replica, change)
  }
  for (const s of steps) {
    now += 1
    if (s.kind === 'wait') now += s.ms
    else if (s.kind === 'mark') {
      const device = devices[s.device]!
      make(device, (at) => ({
        kind: 'mark',
        at,
        device: device.id,
        paper: PAPERS[s.paper]!,
        field: s.field,
        value: s.value
      }))
    } else if (s.kind === 'note') {
      const device = devices[s.device]!
      const paper = PAPERS[s.paper]!
      const current = noteState(device.replica.notes.get(paperKeyId(paper)) ?? new Map())
      make(device, (at) => ({
        kind: 'note',
        at,
        device: device.id,
        paper,
        version: noteVersionId(at, device.id),
        parents: current.heads,
        text: edit(current.text, s.edit, s.at, device),
        by: device.name
      }))
    } else {
      const from = devices[s.from]!
      const picked = s.picks.map((pick) => from.log[pick % Math.max(1, from.log.length)]).filter((c) => c !== undefined)
      deliver(devices[s.to]!, picked, now)
    }
  }
  // Finally every device receives every log, in a shuffled order with duplicates.
  const everything = devices.flatMap((device) => device.log)
  for (const target of devices) {
    const order = [...everything, ...everything.slice(0, 5)]
    for (let index = order.length - 1; index > 0; index--) {
      const swap = (finalOrder[index % finalOrder.length] ?? 0) % (index + 1)
      ;[order[index], order[swap]] = [order[swap]!, order[index]!]
    }
    deliver(target, order, now)
  }
  return devices
}

/** Lines a version added that no later version built on it removed: they must survive the merge. */
function survivingLines(versions: ReadonlyMap<string, NoteVersion>): string[] {
  const children = new Map<string, string[]>()
  for (const v of versions.values()) for (const p of v.parents) children.set(p, [...(children.get(p) ?? []), v.version])
  const descendants = (id: string): NoteVersion[] => {
    const out: NoteVersion[] = []
    const queue = [...(children.get(id) ?? [])]
    const seen = new Set<string>()
    while (queue.length > 0) {
      const next = queue.pop()!
      if (seen.has(next)) continue
      seen.add(next)
      out.push(versions.get(next)!)
      queue.push(...(children.get(next) ?? []))
    }
    return out
  }
  const kept: string[] = []
  for (const v of versions.values()) {
    const parentLines = new Set(v.parents.flatMap((p) => versions.get(p)?.text.split('\n') ?? []))
    for (const line of v.text === '' ? [] : v.text.split('\n')) {
      if (parentLines.has(line)) continue
      if (descendants(v.version).every((d) => d.text.split('\n').includes(line))) kept.push(line)
    }
  }
  return kept
}

describe('merging the logs of several devices', () => {
  it('converges on every device whatever the delivery order, duplicates, delays and clock skew', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 4 })
          .chain((count) =>
            fc.tuple(
              fc.constant(count),
              fc.array(fc.integer({ min: -6 * 3_600_000, max: 6 * 3_600_000 }), { minLength: count, maxLength: count }),
              fc.array(step(count), { maxLength: 60 }),
              fc.array(fc.nat(), { minLength: 1, maxLength: 30 })
            )
          ),
        ([count, skews, steps, finalOrder]) => {
          const devices = run(count, skews, steps, finalOrder)
          const views = devices.map((device) => view(device.replica))
          for (const other of views.slice(1)) expect(other).toEqual(views[0])
          for (const versions of devices[0]!.replica.notes.values()) {
            const text = noteState(versions).text.split('\n')
            for (const line of survivingLines(versions)) expect(text).toContain(line)
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it('lets a device that saw a change override it, even when its own clock is hours behind', () => {
    const devices = run(
      2,
      [0, -5 * 3_600_000],
      [
        { kind: 'mark', device: 0, paper: 0, field: 'read', value: true },
        { kind: 'deliver', from: 0, to: 1, picks: [0] },
        { kind: 'mark', device: 1, paper: 0, field: 'read', value: false }
      ],
      [0]
    )
    expect(view(devices[0]!.replica).registers['arxiv:2401.00001|read']).toBe(false)
  })
})
