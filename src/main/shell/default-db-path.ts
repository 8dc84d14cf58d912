// Where the library lives when nobody says otherwise: Electron's userData folder for the app
// name "Dogear", computed without Electron so the command line and the app open the same file.
// The app should take its path from here too (or call app.setName('Dogear') before reading
// userData: Electron would otherwise use the lower-case package name).
import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

export const APP_NAME = 'Dogear'
export const LIBRARY_FILE = 'library.sqlite'

export interface PathEnvironment {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  home: string
}

/** Electron's `appData` folder for this platform. */
export function appDataFolder({ platform, env, home }: PathEnvironment): string {
  if (platform === 'win32') return env.APPDATA || win32.join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME || posix.join(home, '.config')
}

export function defaultDbPath(
  environment: PathEnvironment = { platform: process.platform, env: process.env, home: homedir() }
): string {
  const join = environment.platform === 'win32' ? win32.join : posix.join
  return join(appDataFolder(environment), APP_NAME, LIBRARY_FILE)
}

/** `--db PATH` wins, then `DOGEAR_DB`, then the app's default. */
export function resolveDbPath(flag: string | undefined, environment?: PathEnvironment): string {
  const env = environment?.env ?? process.env
  return flag || env.DOGEAR_DB || defaultDbPath(environment)
}
