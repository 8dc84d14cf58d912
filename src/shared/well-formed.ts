// Lone UTF-16 surrogates (a JSON "\ud83d" escape, a cut-off paste) are not text: SQLite would
// store each as three bytes that read back as three U+FFFD. One U+FFFD stands for each instead.

interface WellFormable {
  isWellFormed(): boolean
  toWellFormed(): string
}

/** The text with every lone surrogate replaced by one U+FFFD (Node 20 has the ES2024 methods). */
export function wellFormed(text: string): string {
  const value = text as unknown as WellFormable
  return value.isWellFormed() ? text : value.toWellFormed()
}
