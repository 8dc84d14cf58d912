// Error codes and messages shared by main, the command line and the renderer.

/**
 * Every code an error envelope, an import report or the command line may carry. One list,
 * so the library's, the handlers' and the renderer's ideas of an error stay the same.
 */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNKNOWN_OPERATION',
  'FORBIDDEN',
  'NOT_FOUND',
  'NEWER_DATABASE',
  'CORRUPT',
  'BUSY',
  'DISK_FULL',
  'READ_ONLY',
  'IMPORT_FAILED',
  'USAGE',
  'INTERNAL'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** The message of anything thrown: an Error's message, or the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
