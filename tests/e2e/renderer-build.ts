// The built renderer (out/renderer) for the browser tests: rebuilt with `electron-vite build`
// only when it is missing or older than the renderer's sources.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
export const RENDERER_OUT = join(REPO, 'out/renderer')

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

let built: boolean = false

export function ensureRendererBuilt(): void {
  if (built) return
  const index = join(RENDERER_OUT, 'index.html')
  const sources = Math.max(newestMtime(join(REPO, 'src/renderer')), newestMtime(join(REPO, 'src/shared')))
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: 'pipe', timeout: 300_000 })
  }
  built = true
}
