// Where the renderer's stores get `window.dogear` from; tests hand them a fake instead.
import type { DogearApi } from '../../shared/api'
import { messageOf } from '../../shared/errors'
import { friendlyError } from './lib/friendlyError'

export type RendererApi = DogearApi

export function browserApi(): RendererApi {
  const api = (globalThis as unknown as { dogear?: RendererApi }).dogear
  if (!api) throw new Error('window.dogear is missing: the preload did not run.')
  return api
}

/** What went wrong, as a sentence for the reader (SQLite's codes are never shown as they are). */
export function errorMessage(error: unknown): string {
  return friendlyError(messageOf(error))
}
