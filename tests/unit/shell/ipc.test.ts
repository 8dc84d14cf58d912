import { describe, expect, it } from 'vitest'
import type { Envelope, Handlers } from '../../../src/shared/api'
import { createFileGrants } from '../../../src/main/file-grants'
import {
  bindIpc,
  EVENT_CHANNEL,
  GRANT_FILE_CHANNEL,
  INVOKE_CHANNEL,
  sendEvent,
  type InvokeEventLike
} from '../../../src/main/shell/ipc'

const APP = 'app://dogear/index.html'

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>

class FakeIpcMain {
  readonly listeners = new Map<string, Listener>()
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`)
    this.listeners.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel)
  }
  call(frame: InvokeEventLike['senderFrame'], ...args: unknown[]): Promise<Envelope<unknown>> {
    const listener = this.listeners.get(INVOKE_CHANNEL)
    if (!listener) throw new Error('no handler bound')
    return listener({ senderFrame: frame }, ...args) as Promise<Envelope<unknown>>
  }
}

const appFrame = { url: `${APP}#reader`, parent: null }

/** A handler table that records what ran: a call that never reaches it changes nothing. */
function recordingHandlers(): { handlers: Handlers; calls: string[] } {
  const calls: string[] = []
  const handlers = new Proxy({} as Handlers, {
    get: (_target, operation: string) => (args: unknown) => {
      calls.push(operation)
      if (operation === 'saveNote')
        throw Object.assign(new Error('No paper with id 9 in the library.'), { code: 'NOT_FOUND' })
      return operation === 'markRead' ? { changed: (args as { ids: number[] }).ids } : null
    }
  })
  return { handlers, calls }
}

describe('bindIpc', () => {
  it('answers a good call with the value', async () => {
    const ipc = new FakeIpcMain()
    const { handlers, calls } = recordingHandlers()
    bindIpc(ipc, handlers, () => APP)
    expect(await ipc.call(appFrame, 'markRead', { ids: [1, 2], read: true })).toEqual({
      ok: true,
      value: { changed: [1, 2] }
    })
    expect(calls).toEqual(['markRead'])
  })

  it('rejects an unknown operation without running anything', async () => {
    const ipc = new FakeIpcMain()
    const { handlers, calls } = recordingHandlers()
    bindIpc(ipc, handlers, () => APP)
    for (const operation of ['dropTables', 'constructor', '__proto__', 42, undefined]) {
      const answer = await ipc.call(appFrame, operation, {})
      expect(answer.ok).toBe(false)
      if (!answer.ok) expect(answer.error.code).toBe('UNKNOWN_OPERATION')
    }
    expect(calls).toEqual([])
  })

  it('echoes at most the start of an unknown operation name', async () => {
    const ipc = new FakeIpcMain()
    bindIpc(ipc, recordingHandlers().handlers, () => APP)
    const answer = await ipc.call(appFrame, 'x'.repeat(1024 * 1024), {})
    expect(answer.ok).toBe(false)
    if (!answer.ok) {
      expect(answer.error.code).toBe('UNKNOWN_OPERATION')
      expect(answer.error.message.length).toBeLessThan(200)
      expect(answer.error.message).toMatch(/^Unknown operation: x+… \(1,048,576 characters\)$/)
    }
  })

  it('hands out file tokens only to the app page, and only for absolute paths', async () => {
    const ipc = new FakeIpcMain()
    const files = createFileGrants()
    const binding = bindIpc(ipc, recordingHandlers().handlers, () => APP, files)
    const grant = ipc.listeners.get(GRANT_FILE_CHANNEL)!
    const token = (await grant({ senderFrame: appFrame }, '/home/reader/digest.bib')) as string
    expect(files.redeem([token])).toEqual(['/home/reader/digest.bib'])
    expect(await grant({ senderFrame: { url: 'https://evil.example/', parent: null } }, '/etc/passwd')).toBe('')
    expect(await grant({ senderFrame: appFrame }, 'relative.bib')).toBe('')
    expect(await grant({ senderFrame: appFrame }, { path: '/etc/passwd' })).toBe('')
    binding.dispose()
    expect(ipc.listeners.size).toBe(0)
  })

  it('rejects bad arguments with INVALID_ARGUMENT before the handler runs', async () => {
    const ipc = new FakeIpcMain()
    const { handlers, calls } = recordingHandlers()
    bindIpc(ipc, handlers, () => APP)
    const bad: [string, unknown][] = [
      ['markRead', { ids: [1], read: 'yes' }],
      ['markRead', { ids: [-1], read: true }],
      ['markRead', { ids: [1], read: true, extra: 1 }],
      ['setStarred', null],
      ['saveNote', { id: 1 }],
      ['listPapers', { filter: { kind: 'digest' } }],
      ['importFiles', { tokens: [] }],
      ['importFiles', { tokens: ['/etc/passwd'] }],
      ['importFiles', { paths: ['/etc/passwd'] }],
      ['updateSettings', { markReadOnOpen: 'sometimes' }]
    ]
    for (const [operation, args] of bad) {
      const answer = await ipc.call(appFrame, operation, args)
      expect(answer, operation).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      if (!answer.ok) expect(answer.error.message).toContain(operation)
    }
    expect(calls).toEqual([])
  })

  it('refuses senders other than the app page with FORBIDDEN', async () => {
    const ipc = new FakeIpcMain()
    const { handlers, calls } = recordingHandlers()
    bindIpc(ipc, handlers, () => APP)
    const strangers: InvokeEventLike['senderFrame'][] = [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/evil.html', parent: null },
      { url: APP, parent: appFrame },
      null
    ]
    for (const frame of strangers) {
      expect(await ipc.call(frame, 'markRead', { ids: [1], read: true })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' }
      })
    }
    expect(calls).toEqual([])
  })

  it('passes a handler error on with its code, without crashing', async () => {
    const ipc = new FakeIpcMain()
    bindIpc(ipc, recordingHandlers().handlers, () => APP)
    expect(await ipc.call(appFrame, 'saveNote', { id: 9, text: 'x' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No paper with id 9 in the library.' }
    })
  })

  it('waits for calls in flight before reporting idle, and unbinds', async () => {
    const ipc = new FakeIpcMain()
    let finish: () => void = () => {}
    const slow = new Promise<void>((resolve) => (finish = resolve))
    const handlers = { saveNote: async () => slow.then(() => null) } as unknown as Handlers
    const binding = bindIpc(ipc, handlers, () => APP)
    const answer = ipc.call(appFrame, 'saveNote', { id: 1, text: 'a note' })
    let idle = false
    const idling = binding.idle().then(() => (idle = true))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(idle).toBe(false)
    finish()
    await idling
    expect(await answer).toEqual({ ok: true, value: null })
    binding.dispose()
    expect(ipc.listeners.size).toBe(0)
  })
})

describe('sendEvent', () => {
  it('sends on the event channel, and skips a closed window', () => {
    const sent: unknown[] = []
    const open = {
      isDestroyed: () => false,
      send: (channel: string, payload: unknown) => sent.push([channel, payload])
    }
    sendEvent(open, { type: 'menu', command: 'showKeys' })
    sendEvent({ ...open, isDestroyed: () => true }, { type: 'menu', command: 'import' })
    sendEvent(null, { type: 'menu', command: 'import' })
    expect(sent).toEqual([[EVENT_CHANNEL, { type: 'menu', command: 'showKeys' }]])
  })
})
