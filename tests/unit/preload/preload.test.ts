// The preload's exact surface: one `window.dogear`, one function per contract operation plus
// onEvent and tokenForFile, and no way to reach ipcRenderer or any other channel.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { OPERATIONS } from '../../../src/shared/api'
import { EVENT_CHANNEL, GRANT_FILE_CHANNEL, INVOKE_CHANNEL } from '../../../src/shared/ipc-channels'

const fake = vi.hoisted(() => {
  const exposed: { name: string; api: Record<string, unknown> }[] = []
  const invoked: unknown[][] = []
  const listening: string[] = []
  const paths = new Map<unknown, string>()
  return {
    exposed,
    invoked,
    listening,
    paths,
    module: {
      contextBridge: {
        exposeInMainWorld: (name: string, api: Record<string, unknown>) => void exposed.push({ name, api })
      },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args)
          return args[0] === 'dogear:grant-file' ? 'b'.repeat(32) : { ok: true, value: 'answer' }
        },
        on: (channel: string) => void listening.push(channel),
        removeListener: () => {}
      },
      webUtils: { getPathForFile: (file: unknown) => paths.get(file) ?? '' }
    }
  }
})

vi.mock('electron', () => ({ ...fake.module, default: fake.module }))

beforeAll(async () => {
  await import('../../../src/preload/index')
})

describe('the preload', () => {
  it('exposes window.dogear and nothing else', () => {
    expect(fake.exposed.map((entry) => entry.name)).toEqual(['dogear'])
    const keys = Object.keys(fake.exposed[0]!.api).sort()
    expect(keys).toEqual([...OPERATIONS, 'onEvent', 'tokenForFile'].sort())
    for (const key of keys) expect(typeof fake.exposed[0]!.api[key], key).toBe('function')
    expect(keys.some((key) => /ipc|invoke|send|require|process/i.test(key))).toBe(false)
  })

  it('sends each operation over the one invoke channel and listens on the event channel only', async () => {
    const api = fake.exposed[0]!.api as Record<string, (args?: unknown) => Promise<unknown>>
    expect(await api.listDigests!()).toBe('answer')
    expect(fake.invoked.at(-1)).toEqual([INVOKE_CHANNEL, 'listDigests', undefined])
    const unsubscribe = (api.onEvent as unknown as (listener: () => void) => () => void)(() => {})
    expect(fake.listening).toEqual([EVENT_CHANNEL])
    unsubscribe()
  })

  it('asks main for a token only for a file the reader dropped', async () => {
    const api = fake.exposed[0]!.api as { tokenForFile(file: unknown): Promise<string> }
    const dropped = { name: 'digest.bib' }
    fake.paths.set(dropped, '/home/reader/digest.bib')
    fake.invoked.length = 0
    expect(await api.tokenForFile({ name: 'made-by-the-page.bib' })).toBe('')
    expect(fake.invoked).toEqual([])
    expect(await api.tokenForFile(dropped)).toBe('b'.repeat(32))
    expect(fake.invoked).toEqual([[GRANT_FILE_CHANNEL, '/home/reader/digest.bib']])
  })
})
