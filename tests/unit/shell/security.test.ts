import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_CSP,
  cspFromHtml,
  cspProblems,
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  isSafeExternalUrl,
  isTrustedSender,
  safeExternalUrl,
  windowOptions
} from '../../../src/main/shell/security'

const APP = 'app://dogear/index.html'
const DEV = 'http://localhost:5173/'

describe('windowOptions', () => {
  it('turns off experimental and Blink features and webviews', () => {
    const prefs = windowOptions('/p.cjs').webPreferences ?? {}
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
    // Checklist item 10: no Blink feature is switched on, none by name either.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(Object.keys(prefs).filter((key) => /blink/i.test(key))).toEqual([])
  })

  it('isolates the renderer from Node and Electron', () => {
    const prefs = windowOptions('/opt/dogear/out/preload/index.cjs').webPreferences
    expect(prefs).toMatchObject({
      preload: '/opt/dogear/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  })
})

describe('decideNavigation', () => {
  it('allows the app page itself, with any fragment or query', () => {
    expect(decideNavigation(APP, APP).allow).toBe(true)
    expect(decideNavigation(`${APP}#/paper/3`, APP).allow).toBe(true)
    expect(decideNavigation('http://localhost:5173/?x=1', DEV).allow).toBe(true)
  })

  it('denies other local files, other origins and odd schemes', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///opt/dogear/out/renderer/index.html',
      'app://dogear/other.html',
      'app://dogear/',
      'app://evil/index.html',
      'app://user@dogear/index.html',
      'other://dogear/index.html',
      'https://arxiv.org/abs/2401.00001',
      'http://localhost:5174/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url'
    ]) {
      expect(decideNavigation(url, APP).allow, url).toBe(false)
    }
    expect(decideNavigation('http://localhost:5173.evil.example/', DEV).allow).toBe(false)
  })

  it('hands denied web links to the system browser, nothing else', () => {
    expect(decideNavigation('https://arxiv.org/abs/2401.00001', APP).openExternally).toBe(
      'https://arxiv.org/abs/2401.00001'
    )
    expect(decideNavigation('file:///etc/passwd', APP).openExternally).toBeNull()
    expect(decideNavigation('javascript:alert(1)', APP).openExternally).toBeNull()
  })
})

describe('decideWindowOpen', () => {
  it('never opens a window, but opens web links in the browser', () => {
    expect(decideWindowOpen('https://github.com/example/repo')).toEqual({
      allow: false,
      openExternally: 'https://github.com/example/repo'
    })
    expect(decideWindowOpen(APP)).toEqual({ allow: false, openExternally: null })
  })
})

describe('isSafeExternalUrl', () => {
  it('accepts http and https links', () => {
    expect(isSafeExternalUrl('https://arxiv.org/pdf/2401.00001')).toBe(true)
    expect(isSafeExternalUrl('http://example.org/paper?id=3#top')).toBe(true)
    expect(isSafeExternalUrl('  https://example.org/ ')).toBe(true)
  })

  it('refuses other schemes, malformed links and disguised hosts', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///home/reader/.ssh/id_rsa',
      'ftp://example.org/paper.pdf',
      'mailto:someone@example.org',
      'data:text/html,hi',
      'smb://server/share',
      'https://arxiv.org@evil.example/abs/1',
      'https://user:pass@example.org/',
      'https://',
      '//example.org/x',
      'example.org',
      ''
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false)
    }
  })

  it('returns the parsed form, so what opens is what was checked', () => {
    expect(safeExternalUrl('HTTPS://Example.ORG/a b')).toBe('https://example.org/a%20b')
  })
})

describe('decidePermission', () => {
  it('denies every permission request', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen'
    ]) {
      expect(decidePermission(permission)).toBe(false)
    }
  })
})

describe('isTrustedSender', () => {
  it('trusts only the app page', () => {
    expect(isTrustedSender(APP, APP)).toBe(true)
    expect(isTrustedSender('https://evil.example/', APP)).toBe(false)
    expect(isTrustedSender('file:///tmp/evil.html', APP)).toBe(false)
    expect(isTrustedSender('app://dogear/assets/index.js', APP)).toBe(false)
    expect(isTrustedSender('app://dogear.evil/index.html', APP)).toBe(false)
    expect(isTrustedSender(`${APP}?x=1#reader`, APP)).toBe(true)
    expect(isTrustedSender('', APP)).toBe(false)
    expect(isTrustedSender(null, APP)).toBe(false)
    expect(isTrustedSender(undefined, APP)).toBe(false)
  })
})

describe('Content-Security-Policy', () => {
  it('the page is served with the same strict policy it carries', () => {
    const html = readFileSync(resolve(__dirname, '../../../src/renderer/index.html'), 'utf8')
    expect(cspFromHtml(html)).toBe(APP_CSP)
    expect(cspProblems(APP_CSP)).toEqual([])
  })

  it('the renderer page carries a strict policy', () => {
    const html = readFileSync(resolve(__dirname, '../../../src/renderer/index.html'), 'utf8')
    const policy = cspFromHtml(html)
    expect(policy).not.toBeNull()
    expect(cspProblems(policy ?? '')).toEqual([])
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toContain('unsafe-eval')
  })

  it('names what is wrong with a weak policy', () => {
    expect(cspProblems("default-src 'self'; script-src 'self' 'unsafe-eval' https://cdn.example")).toEqual([
      "default-src must be 'none'",
      "script-src must not allow 'unsafe-eval'",
      'script-src must not allow https://cdn.example'
    ])
    expect(cspProblems("default-src 'none'")).toEqual(["script-src must be set to 'self'"])
    expect(cspProblems("default-src 'none'; script-src 'self'; img-src *")).toEqual([
      'img-src must not load from the network (*)'
    ])
  })

  it('finds no policy in a page without one', () => {
    expect(cspFromHtml('<html><head><meta charset="utf-8"></head></html>')).toBeNull()
  })
})
