import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { installQuitSequence, type QuitEvent } from '../../../src/main/shell/quit-sequence'

function quitEvent(): QuitEvent & { prevented: boolean } {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true
    }
  }
}

async function ticks(n = 10): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r))
}

function fakeApp() {
  const emitter = new EventEmitter()
  const log: string[] = []
  return {
    log,
    app: {
      on: (name: string, listener: (event: QuitEvent) => void) => emitter.on(name, listener),
      quit: () => log.push('quit')
    },
    emit: (name: 'before-quit' | 'will-quit') => {
      const event = quitEvent()
      emitter.emit(name, event)
      return event.prevented
    }
  }
}

describe('installQuitSequence', () => {
  it('stops imports, then answers calls, then closes, quitting once per step', async () => {
    const { app, log, emit } = fakeApp()
    let releaseImports!: () => void
    const sequence = installQuitSequence(app, {
      stopImports: () =>
        new Promise<void>((resolve) => (releaseImports = () => (log.push('imports stopped'), resolve()))),
      callsAnswered: async () => void log.push('calls answered'),
      close: () => void log.push('library closed')
    })
    expect(emit('before-quit')).toBe(true)
    expect(emit('before-quit')).toBe(true) // a second Quit while stopping waits for the first
    await ticks()
    expect(log).toEqual([])
    expect(sequence.phase()).toBe('stopping')
    releaseImports()
    await ticks()
    expect(log).toEqual(['imports stopped', 'quit'])
    expect(emit('before-quit')).toBe(false)
    expect(emit('will-quit')).toBe(true)
    await ticks()
    expect(log).toEqual(['imports stopped', 'quit', 'calls answered', 'library closed', 'quit'])
    expect(emit('will-quit')).toBe(false)
    expect(sequence.phase()).toBe('closed')
  })

  it('still closes the library and quits when stopping the imports or a call failed', async () => {
    const { app, log, emit } = fakeApp()
    installQuitSequence(app, {
      stopImports: () => Promise.reject(new Error('worker gone')),
      callsAnswered: () => Promise.reject(new Error('call failed')),
      close: () => void log.push('library closed')
    })
    emit('before-quit')
    await ticks()
    emit('will-quit')
    await ticks()
    expect(log).toEqual(['quit', 'library closed', 'quit'])
  })
})
