// Files the renderer may ask main to import. The page never names a path: main hands out an
// opaque token for each file the reader dropped on the window (the preload resolves the drop),
// and importFiles takes tokens only. A compromised page can therefore import no file the
// reader did not give it. The file dialog and the watched folder import in main directly.
import { randomBytes } from 'node:crypto'
import { isAbsolute } from 'node:path'
import { HandlerError } from './handlers'

export const TOKEN_PATTERN = /^[0-9a-f]{32}$/

export interface FileGrants {
  /** A new token for `path`; the path must be absolute. */
  grant(path: string): string
  /** The paths of the tokens, each usable once; refuses the whole list if any is unknown. */
  redeem(tokens: readonly string[]): string[]
}

export interface FileGrantsOptions {
  /** Tokens kept at most; the oldest is forgotten first. */
  limit?: number
  newToken?: () => string
}

export function createFileGrants(options: FileGrantsOptions = {}): FileGrants {
  const limit = options.limit ?? 10_000
  const newToken = options.newToken ?? (() => randomBytes(16).toString('hex'))
  const paths = new Map<string, string>()
  return {
    grant(path) {
      if (!isAbsolute(path)) throw new HandlerError('INVALID_ARGUMENT', 'A dropped file has no absolute path.')
      const token = newToken()
      paths.set(token, path)
      while (paths.size > limit) paths.delete(paths.keys().next().value as string)
      return token
    },
    redeem(given) {
      const tokens = [...new Set(given)]
      const unknown = tokens.filter((token) => !paths.has(token)).length
      if (unknown > 0) {
        throw new HandlerError(
          'FORBIDDEN',
          `${unknown} of ${tokens.length} files were not chosen or dropped in this window; nothing was imported.`
        )
      }
      return tokens.map((token) => {
        const path = paths.get(token) as string
        paths.delete(token)
        return path
      })
    }
  }
}
