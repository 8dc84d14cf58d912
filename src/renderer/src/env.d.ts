import type { DogearApi } from '../../shared/api'

declare global {
  interface Window {
    /** Built by the preload from the shared contract; the renderer's only way to main. */
    dogear: DogearApi
  }
}

export {}
