// The renderer is served from Dogear's own scheme, app://dogear/, not from file://: a page on
// file:// may read every other local file, one on app:// only what resolveAppFile allows.
// Plain Node: which file a URL maps to, and the headers it is served with, are pure decisions.
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'dogear'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The one page the window shows. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`

/**
 * Registered before the app is ready. `standard` gives the scheme an origin ('self' in the CSP
 * means app://dogear), `secure` makes it a secure context; no CSP bypass, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true
} as const

/** What the built renderer holds; anything else is not served. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

export interface AppFile {
  path: string
  contentType: string
}

/**
 * The file inside `rootDir` an app:// URL names, or null: another host, credentials or a port,
 * a path that leaves the folder (`..`, encoded slashes, backslashes, NUL), a hidden file, or a
 * kind of file the renderer does not have.
 */
export function resolveAppFile(url: string, rootDir: string): AppFile | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST) return null
  if (parsed.username || parsed.password || parsed.port) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const segments = pathname.split('/').filter(Boolean)
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return null
  const root = normalize(rootDir)
  const path = normalize(join(root, ...segments))
  const inside = relative(root, path)
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()]
  return contentType ? { path, contentType } : null
}

/** Headers of a served file; the page also gets its Content-Security-Policy as a header. */
export function appResponseHeaders(file: AppFile, csp: string): Record<string, string> {
  return {
    'Content-Type': file.contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    ...(file.contentType.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {})
  }
}
