// Where the Electron build of better-sqlite3 lives, and when it must be rebuilt.
// node_modules keeps better-sqlite3 built for Node (tests, CLI); the app loads a second
// build, made for Electron's ABI by scripts/prepare-electron.mjs, through better-sqlite3's
// `nativeBinding` option. Plain Node: the script and main both use this file.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const NATIVE_DIR = '.electron-native'
export const BINDING_FILE = 'better_sqlite3.node'
export const STAMP_FILE = 'stamp.json'
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers'

export interface NativePaths {
  dir: string
  binding: string
  stamp: string
}

export function nativePaths(root: string): NativePaths {
  const dir = join(root, NATIVE_DIR)
  return { dir, binding: join(dir, BINDING_FILE), stamp: join(dir, STAMP_FILE) }
}

/** What a build was made for; a build for anything else must not be loaded. */
export interface NativeStamp {
  electron: string
  /** NODE_MODULE_VERSION of that Electron (node_modules/electron/abi_version). */
  abi: number
  betterSqlite3: string
  platform: string
  arch: string
}

export function stampText(stamp: NativeStamp): string {
  return `${JSON.stringify(stamp, null, 2)}\n`
}

/** True when the existing build was made for exactly these versions, so the work can be skipped. */
export function isUpToDate(existingStamp: string | null, wanted: NativeStamp, bindingExists: boolean): boolean {
  if (!bindingExists || existingStamp === null) return false
  let stamp: unknown
  try {
    stamp = JSON.parse(existingStamp)
  } catch {
    return false
  }
  if (!stamp || typeof stamp !== 'object') return false
  const found = stamp as Partial<NativeStamp>
  return (
    found.electron === wanted.electron &&
    found.abi === wanted.abi &&
    found.betterSqlite3 === wanted.betterSqlite3 &&
    found.platform === wanted.platform &&
    found.arch === wanted.arch
  )
}

/** prebuild-install's arguments for a ready-made Electron binary (fetched from GitHub). */
export function prebuildArgs(stamp: NativeStamp): string[] {
  return ['--runtime', 'electron', '--target', stamp.electron, '--platform', stamp.platform, '--arch', stamp.arch]
}

/** node-gyp's arguments to compile against Electron's headers. */
export function nodeGypArgs(stamp: NativeStamp): string[] {
  return [
    'rebuild',
    '--release',
    `--target=${stamp.electron}`,
    `--arch=${stamp.arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`
  ]
}

/**
 * Where node-gyp may be: the one npm announces to scripts, the one bundled with npm next to
 * `npm_execpath`, the one in npm's global folder. It is run directly, never through npx: npm
 * would hand it the `nodedir` of its own config and the build would silently target Node.
 */
export function nodeGypCandidates(env: Record<string, string | undefined>, npmGlobalRoot: string | null): string[] {
  const candidates: string[] = []
  if (env.npm_config_node_gyp) candidates.push(env.npm_config_node_gyp)
  if (env.npm_execpath)
    candidates.push(join(env.npm_execpath, '..', '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'))
  if (npmGlobalRoot) candidates.push(join(npmGlobalRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'))
  return candidates
}

/**
 * The NODE_MODULE_VERSION a native addon was compiled for, read from its registration symbol
 * (`node_register_module_v150`), or null when there is none. Loading an addon built for another
 * ABI crashes the load, and a build against the wrong headers must not pass as Electron's.
 */
export function addonAbi(binary: Uint8Array): number | null {
  const match = /node_register_module_v(\d+)/.exec(Buffer.from(binary).toString('latin1'))
  return match ? Number(match[1]) : null
}

/**
 * Environment for node-gyp: Electron's headers, never a `nodedir` from npm's config (that
 * would silently compile against Node's own headers).
 */
export function nodeGypEnv(env: Record<string, string | undefined>, stamp: NativeStamp): Record<string, string> {
  const clean: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch)$/i.test(key)) {
      clean[key] = value
    }
  }
  return {
    ...clean,
    npm_config_nodedir: '',
    npm_config_runtime: 'electron',
    npm_config_target: stamp.electron,
    npm_config_arch: stamp.arch,
    npm_config_target_arch: stamp.arch,
    npm_config_disturl: ELECTRON_HEADERS_URL
  }
}

/**
 * The binding main passes to openLibrary: the prepared build when it exists and matches the
 * running ABI, otherwise undefined (node_modules' build is tried and fails with a clear error).
 */
export function findNativeBinding(
  root: string,
  abi: number,
  read: (path: string) => Uint8Array | null = readIfExists
): string | undefined {
  const { binding } = nativePaths(root)
  const binary = read(binding)
  return binary !== null && addonAbi(binary) === abi ? binding : undefined
}

function readIfExists(path: string): Uint8Array | null {
  return existsSync(path) ? readFileSync(path) : null
}
