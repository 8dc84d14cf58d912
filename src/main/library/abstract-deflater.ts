// A large import's abstracts are deflated on a thread of their own while this one writes:
// deflating costs 30-45 µs an abstract here, as much as the rest of writing its paper. The
// writing thread stays synchronous (one transaction per chunk, nothing awaited), so the results
// are taken with receiveMessageOnPort, waiting on a shared counter the deflating thread bumps.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import { ABSTRACT_FORMAT, storeAbstractWith, storedAbstract, type StoredAbstract } from './abstract-text'
import { startingThread, type Starting } from './starting-thread'

/** Deflates batches of abstracts in the order given; take() gives each batch's stored forms back. */
export interface AbstractDeflater {
  /** Where the deflating happens: on a thread of its own, or on this one (it could not start). */
  readonly where: 'thread' | 'inline'
  give(texts: readonly (string | null)[]): void
  /** The stored forms of the oldest batch not taken yet, waiting for them if need be. */
  take(): StoredAbstract[]
  close(): void
}

// storeAbstractWith reads only its arguments, so its source runs as it is on the other thread.
// Builtins come by import(), which both kinds of eval'd code (CommonJS, or ES modules when the
// process runs with --input-type=module) have. Slot 1 of the signal says the thread is ready
// (1) or could not start (2); slot 0 counts the batches it answered.
const WORKER_SOURCE = `
import('node:worker_threads').then(async ({ workerData }) => {
  const { port, signal, format } = workerData
  try {
    const { deflateRawSync } = await import('node:zlib')
    const storeAbstractWith = ${storeAbstractWith.toString()}
    port.on('message', (texts) => {
      port.postMessage(texts.map((text) => storeAbstractWith(text, deflateRawSync, format)))
      Atomics.add(signal, 0, 1)
      Atomics.notify(signal, 0)
    })
    Atomics.store(signal, 1, 1)
  } catch {
    Atomics.store(signal, 1, 2)
  }
  Atomics.notify(signal, 1)
})
`

/**
 * Past this, a batch is deflated here instead: a thread that died or stalls never holds up an
 * import (this wait is inside a chunk's transaction). A batch takes the thread ~10 ms.
 */
const PATIENCE_MS = 1_000
/** How long the thread is waited for to start, before the first chunk (outside any transaction). */
const START_MS = 2_000

export interface DeflaterOptions {
  /** How long a batch is waited for before it is deflated here (PATIENCE_MS). */
  patienceMs?: number
}

class ThreadDeflater implements AbstractDeflater {
  readonly where = 'thread'
  private readonly worker: Worker
  private readonly port: MessagePort
  private readonly signal = new Int32Array(new SharedArrayBuffer(8))
  /** Batches given and not taken, for deflating here when the thread gives up. */
  private readonly given: (readonly (string | null)[])[] = []
  /** False once a batch was deflated here: the thread is not asked again. */
  private trusted = true

  constructor(private readonly patienceMs: number) {
    const { port1, port2 } = new MessageChannel()
    this.port = port1
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // The thread needs builtins only: none of this process's loaders and flags.
      execArgv: [],
      workerData: { port: port2, signal: this.signal, format: ABSTRACT_FORMAT },
      transferList: [port2]
    })
    // An error is seen as a batch that never comes back (see take).
    this.worker.on('error', () => {})
    this.worker.unref()
  }

  /** Waits for the thread to start; false when it could not (its batches are then deflated here). */
  started(): boolean {
    const giveUpAt = performance.now() + START_MS
    for (;;) {
      const state = Atomics.load(this.signal, 1)
      if (state !== 0) return state === 1
      const left = giveUpAt - performance.now()
      if (left <= 0) return false
      Atomics.wait(this.signal, 1, 0, left)
    }
  }

  give(texts: readonly (string | null)[]): void {
    this.given.push(texts)
    if (this.trusted) this.port.postMessage(texts)
  }

  take(): StoredAbstract[] {
    const texts = this.given.shift()
    if (texts === undefined) throw new Error('no batch of abstracts was given')
    if (this.trusted) {
      const answer = this.receive()
      if (answer) return answer
      this.trusted = false
    }
    return texts.map(storedAbstract)
  }

  private receive(): StoredAbstract[] | null {
    const giveUpAt = performance.now() + this.patienceMs
    for (;;) {
      // Read the counter before looking: a batch posted in between changes it, so the wait returns.
      const seen = Atomics.load(this.signal, 0)
      const message = receiveMessageOnPort(this.port)
      if (message) return message.message as StoredAbstract[]
      const left = giveUpAt - performance.now()
      if (left <= 0) return null
      Atomics.wait(this.signal, 0, seen, left)
    }
  }

  close(): void {
    this.port.close()
    void this.worker.terminate()
  }
}

/** Deflates on this thread: for small imports, where starting a thread costs more than it saves. */
class InlineDeflater implements AbstractDeflater {
  readonly where = 'inline'
  private readonly given: (readonly (string | null)[])[] = []
  give(texts: readonly (string | null)[]): void {
    this.given.push(texts)
  }
  take(): StoredAbstract[] {
    const texts = this.given.shift()
    if (texts === undefined) throw new Error('no batch of abstracts was given')
    return texts.map(storedAbstract)
  }
  close(): void {}
}

/** A deflater's thread while it starts: ready() gives one on this thread when it could not. */
export type StartingDeflater = Starting<AbstractDeflater>

/** Starts a deflater's thread without waiting for it. */
export function beginAbstractDeflater(options: DeflaterOptions = {}): StartingDeflater {
  return startingThread(
    () => new ThreadDeflater(options.patienceMs ?? PATIENCE_MS),
    () => new InlineDeflater()
  )
}

/** A deflater on a thread of its own, started; or on this one when a thread cannot start. */
export function startAbstractDeflater(options: DeflaterOptions = {}): AbstractDeflater {
  return beginAbstractDeflater(options).ready()
}
