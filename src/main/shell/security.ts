// Electron's security checklist as small pure decisions, so unit tests can hold each one.
// Plain Node: only a type comes from electron, and types vanish at runtime.
import type { BrowserWindowConstructorOptions } from 'electron'

/** Options of the one app window: the renderer gets no Node, no Electron, no remote content. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Dogear',
    minWidth: 720,
    minHeight: 480,
    // Shown once the first paint is ready, so the reader never sees a blank white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true
    }
  }
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True when `url` is the app's own page: app://dogear/index.html for a built app, the same
 * origin for the development server. Query and fragment do not matter.
 */
export function isAppPage(url: string | null | undefined, appUrl: string): boolean {
  if (!url) return false
  const target = parse(url)
  const app = parse(appUrl)
  if (!target || !app) return false
  if (app.protocol === 'app:') {
    // Node gives custom schemes the opaque origin 'null': compare scheme, host and page instead.
    return (
      target.protocol === 'app:' &&
      target.host === app.host &&
      target.pathname === app.pathname &&
      target.username === '' &&
      target.password === ''
    )
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin
  return false
}

/**
 * The URL to hand to the system browser, or null. Only http and https open outside Dogear;
 * a link carrying credentials (`https://arxiv.org@evil.example/`) is refused because it is
 * the classic way to make one host look like another.
 */
export function safeExternalUrl(url: string): string | null {
  const parsed = parse(url.trim())
  if (!parsed) return null
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  if (parsed.username !== '' || parsed.password !== '') return null
  if (parsed.hostname === '') return null
  return parsed.href
}

export function isSafeExternalUrl(url: string): boolean {
  return safeExternalUrl(url) !== null
}

export interface NavigationDecision {
  allow: boolean
  /** When navigation is denied, a link the system browser may open instead. */
  openExternally: string | null
}

/** `will-navigate`: the window only ever shows the app; web links go to the system browser. */
export function decideNavigation(url: string, appUrl: string): NavigationDecision {
  if (isAppPage(url, appUrl)) return { allow: true, openExternally: null }
  return { allow: false, openExternally: safeExternalUrl(url) }
}

/** `setWindowOpenHandler`: Dogear never opens a second window. */
export function decideWindowOpen(url: string): NavigationDecision {
  return { allow: false, openExternally: safeExternalUrl(url) }
}

/** Camera, notifications, clipboard-read, geolocation...: Dogear needs none of them. */
export function decidePermission(_permission: string): boolean {
  return false
}

/** IPC is answered only for the app's own page (not for a frame that navigated elsewhere). */
export function isTrustedSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  return isAppPage(frameUrl, appUrl)
}

/**
 * The renderer's policy, sent as a header with the page and written in its `<meta>` too (a test
 * holds the two equal). 'self' is app://dogear: nothing loads from the network.
 */
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** The Content-Security-Policy of an HTML page's `<meta http-equiv>`, or null. */
export function cspFromHtml(html: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']content-security-policy["']/i.test(tag)) continue
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag)
    return (content?.[1] ?? content?.[2] ?? '').trim()
  }
  return null
}

/** Directive name -> its sources, lower-cased names, in order. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (!name) continue
    const key = name.toLowerCase()
    // The first occurrence wins, as in browsers.
    if (!directives.has(key)) directives.set(key, sources)
  }
  return directives
}

const UNSAFE_SCRIPT_SOURCES = new Set(["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", '*', 'data:', 'blob:'])

/** What is wrong with a policy for Dogear's renderer; empty when it is strict enough. */
export function cspProblems(policy: string): string[] {
  const csp = parseCsp(policy)
  const problems: string[] = []
  const defaults = csp.get('default-src')
  if (!defaults || defaults.join(' ') !== "'none'") problems.push("default-src must be 'none'")
  const scripts = csp.get('script-src')
  if (!scripts) problems.push("script-src must be set to 'self'")
  else {
    for (const source of scripts) {
      if (UNSAFE_SCRIPT_SOURCES.has(source.toLowerCase()) || /^https?:/i.test(source)) {
        problems.push(`script-src must not allow ${source}`)
      }
    }
    if (!scripts.includes("'self'")) problems.push("script-src must allow 'self'")
  }
  for (const [name, sources] of csp) {
    if (name === 'script-src') continue
    if (sources.some((source) => source.toLowerCase() === "'unsafe-eval'")) {
      problems.push(`${name} must not allow 'unsafe-eval'`)
    }
    if (sources.some((source) => /^https?:/i.test(source) || source === '*')) {
      problems.push(`${name} must not load from the network (${sources.join(' ')})`)
    }
  }
  const objects = csp.get('object-src')
  if (objects && objects.join(' ') !== "'none'") problems.push("object-src must be 'none'")
  return problems
}
