// A large import's abstracts are deflated on a thread of their own: what that thread stores is
// what this one would have, and a thread that cannot answer never stops the import.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { beginAbstractDeflater, startAbstractDeflater } from '../../../src/main/library/abstract-deflater'
import { abstractText, storedAbstract } from '../../../src/main/library/abstract-text'

function abstracts(batch: number, count: number): (string | null)[] {
  return Array.from({ length: count }, (_, i) =>
    i % 7 === 0 ? null : `Batch ${batch}, abstract ${i}: ${'gravel lattices and sand, '.repeat(8 + (i % 5))}ünïcode ✓.`
  )
}

describe('the abstract deflater', () => {
  it('gives back, batch by batch in order, what deflating on this thread stores', () => {
    const deflater = startAbstractDeflater()
    expect(deflater.where).toBe('thread')
    try {
      const batches = [abstracts(1, 50), abstracts(2, 3), abstracts(3, 120)]
      for (const batch of batches) deflater.give(batch)
      for (const batch of batches) {
        const stored = deflater.take()
        expect(stored).toHaveLength(batch.length)
        expect(stored.map((value) => (value === null ? null : Buffer.from(value).toString('base64')))).toEqual(
          batch.map(storedAbstract).map((value) => (value === null ? null : Buffer.from(value).toString('base64')))
        )
        expect(stored.map(abstractText)).toEqual(batch)
      }
    } finally {
      deflater.close()
    }
  })

  it('starts its thread while this one reads on, and can be stopped before it is used', () => {
    const unused = beginAbstractDeflater()
    unused.close()
    const starting = beginAbstractDeflater()
    const batch = abstracts(5, 30)
    try {
      const deflater = starting.ready()
      expect(deflater.where).toBe('thread')
      deflater.give(batch)
      expect(deflater.take().map(abstractText)).toEqual(batch)
    } finally {
      starting.close()
    }
  })

  it('deflates on this thread once its own has stopped answering', () => {
    const deflater = startAbstractDeflater({ patienceMs: 100 })
    deflater.close()
    const batch = abstracts(4, 10)
    deflater.give(batch)
    expect(deflater.take().map(abstractText)).toEqual(batch)
  })

  it("starts its thread in a process that runs eval'd code as ES modules (the command line under tsx)", () => {
    const module = fileURLToPath(new URL('../../../src/main/library/abstract-deflater.ts', import.meta.url))
    const script = `
      import { startAbstractDeflater } from ${JSON.stringify(module)}
      const deflater = startAbstractDeflater()
      deflater.give(['${'A pebble in a lattice, '.repeat(20)}'])
      const [stored] = deflater.take()
      console.log(JSON.stringify({ where: deflater.where, deflated: stored instanceof Uint8Array }))
      deflater.close()`
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8'
    })
    expect(JSON.parse(output.trim())).toEqual({ where: 'thread', deflated: true })
  }, 30_000)
})
