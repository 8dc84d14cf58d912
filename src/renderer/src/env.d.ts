import type { DogearApi } from '../../shared/api'

declare global {
  interface Window {
    /** Built by the preload from the shared contract; the renderer's only way to main. */
    dogear: DogearApi & {
      /** Added by the Electron shell where available: the real path of a dropped file. */
      pathForFile?: (file: File) => string
    }
  }
}

export {}
