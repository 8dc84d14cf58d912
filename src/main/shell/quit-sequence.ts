// The order Dogear quits in: stop new imports first, let the page save its note as it unloads
// (beforeunload), answer every call still in flight, and only then close the database.
// Electron's `app` comes in as a small interface so a test can drive the sequence.

/** A quit event: preventDefault() holds the quit back. */
export interface QuitEvent {
  preventDefault(): void
}

/** The parts of Electron's `app` the sequence uses. */
export interface QuittingApp {
  on(event: 'before-quit' | 'will-quit', listener: (event: QuitEvent) => void): unknown
  quit(): void
}

export interface QuitSteps {
  /** Stops the watched folder and the import worker (the file being imported may finish). */
  stopImports(): Promise<unknown>
  /** Resolves once every IPC call that has arrived is answered. */
  callsAnswered(): Promise<void>
  /** Unbinds IPC and closes the library; the last thing that runs. */
  close(): void
}

export type QuitPhase = 'running' | 'stopping' | 'closing' | 'closing-library' | 'closed'

export function installQuitSequence(app: QuittingApp, steps: QuitSteps): { phase(): QuitPhase } {
  let phase: QuitPhase = 'running'
  app.on('before-quit', (event) => {
    if (phase === 'closing' || phase === 'closed') return
    event.preventDefault()
    if (phase !== 'running') return
    phase = 'stopping'
    void Promise.allSettled([steps.stopImports()]).then(() => {
      phase = 'closing'
      app.quit()
    })
  })
  app.on('will-quit', (event) => {
    if (phase === 'closed') return
    event.preventDefault()
    if (phase === 'closing-library') return
    phase = 'closing-library'
    void steps
      .callsAnswered()
      .catch(() => undefined)
      .then(() => {
        try {
          steps.close()
        } finally {
          phase = 'closed'
          app.quit()
        }
      })
  })
  return { phase: () => phase }
}
