// A large import's helper threads (the abstract deflater, the checkpointer) start while this
// thread reads the file on, and are waited for once, when the first chunk needs them; one that
// cannot start gives way to what this thread does without it.

/** A thread that may be starting: it must say whether it started, and stop in any state. */
export interface StartableThread {
  /** Waits (bounded) for the thread to start: false when it could not. */
  started(): boolean
  close(): void
}

/** A helper thread while it starts. */
export interface Starting<T> {
  /** The thread once it has started, or the fallback when it could not (asked once, then kept). */
  ready(): T
  /** Stops the thread, started or not, used or not. */
  close(): void
}

/** Starts a thread with `start` without waiting for it; `fallback` stands in when it cannot start. */
export function startingThread<S extends StartableThread, F>(
  start: () => S | null,
  fallback: () => F
): Starting<S | F> {
  let thread: S | null = null
  try {
    thread = start()
  } catch {
    // ready() gives the fallback then
  }
  let answer: { value: S | F } | null = null
  return {
    ready: () => {
      if (!answer) {
        if (thread?.started()) answer = { value: thread }
        else {
          thread?.close()
          thread = null
          answer = { value: fallback() }
        }
      }
      return answer.value
    },
    close: () => thread?.close()
  }
}
