// Which Chromium the browser tests drive. Never a downloaded browser build: one the system has.
import { existsSync } from 'node:fs'

/** Where a Chromium-family browser usually lives, after the DOGEAR_CHROMIUM override. */
export const BROWSER_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium'
]

export const BROWSER_MISSING =
  'No Chromium for the browser tests: install one (Debian/Ubuntu: apt-get install chromium) ' +
  'or point DOGEAR_CHROMIUM at a Chromium or Chrome executable.'

/** The browser to drive, or null when there is none; pure so the lookup order is tested. */
export function findBrowser(
  environment: Record<string, string | undefined> = process.env,
  exists: (path: string) => boolean = existsSync
): string | null {
  const chosen = environment.DOGEAR_CHROMIUM
  if (chosen) return exists(chosen) ? chosen : null
  return BROWSER_CANDIDATES.find((path) => exists(path)) ?? null
}
