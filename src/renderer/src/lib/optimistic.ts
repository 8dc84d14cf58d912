// One optimistic change: shown at once, then persisted; if persisting fails the screen is
// put back exactly as it was. Every renderer write goes through here, so no action writes
// its own try/rollback.

export interface OptimisticChange<T> {
  /** Shows the change in the stores at once. */
  apply(): void
  /** Asks main to store it; a rejection means nothing was stored. */
  persist(): Promise<T>
  /** Undoes what `apply` showed. */
  rollback(): void
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown }

export async function runOptimistic<T>(change: OptimisticChange<T>): Promise<Outcome<T>> {
  change.apply()
  try {
    return { ok: true, value: await change.persist() }
  } catch (error) {
    change.rollback()
    return { ok: false, error }
  }
}
