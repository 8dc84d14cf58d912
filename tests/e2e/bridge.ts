// The browser's `window.dogear`, built by the SAME createApi as the preload's: the init
// script is src/shared/api.ts bundled with esbuild, talking to Node through one exposed function.
import { build } from 'esbuild'
import { join } from 'node:path'
import { REPO } from './renderer-build'

export const INVOKE_BINDING = '__dogearInvoke'
export const EMIT_FUNCTION = '__dogearEmit'

const ENTRY = `
import { createApi } from './src/shared/api'
const page = window as unknown as Record<string, unknown>
const listeners = new Set<(event: unknown) => void>()
const invoke = page['${INVOKE_BINDING}'] as (operation: string, args: unknown) => Promise<never>
page.dogear = createApi(
  (operation, args) => invoke(operation, args),
  (listener) => {
    listeners.add(listener as (event: unknown) => void)
    return () => listeners.delete(listener as (event: unknown) => void)
  }
)
page['${EMIT_FUNCTION}'] = (event: unknown) => listeners.forEach((listener) => listener(event))
`

let script: Promise<string> | null = null

export function bridgeScript(): Promise<string> {
  script ??= build({
    stdin: { contents: ENTRY, loader: 'ts', resolveDir: REPO, sourcefile: 'dogear-bridge.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
    absWorkingDir: join(REPO)
  }).then((result) => result.outputFiles[0]!.text)
  return script
}
