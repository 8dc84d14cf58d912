import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/shell/index.ts'),
          'import-worker': resolve('src/main/ingest/import-worker.ts'),
          'sync-worker': resolve('src/main/sync/sync-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with nothing left to `require`.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } }
    },
    plugins: [react()]
  }
})
