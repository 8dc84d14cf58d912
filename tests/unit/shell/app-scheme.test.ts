import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appSchemeHandler } from '../../../src/main/shell/app-protocol'
import {
  APP_PAGE_URL,
  APP_SCHEME_PRIVILEGES,
  appResponseHeaders,
  resolveAppFile
} from '../../../src/main/shell/app-scheme'
import { APP_CSP } from '../../../src/main/shell/security'

const ROOT = '/opt/dogear/out/renderer'

describe('resolveAppFile', () => {
  it('maps the page and its assets into the renderer folder', () => {
    expect(resolveAppFile(APP_PAGE_URL, ROOT)).toEqual({
      path: join(ROOT, 'index.html'),
      contentType: 'text/html; charset=utf-8'
    })
    expect(resolveAppFile('app://dogear/', ROOT)?.path).toBe(join(ROOT, 'index.html'))
    expect(resolveAppFile('app://dogear/assets/index-Ab12.js?v=1#x', ROOT)).toEqual({
      path: join(ROOT, 'assets/index-Ab12.js'),
      contentType: 'text/javascript; charset=utf-8'
    })
    expect(resolveAppFile('app://dogear/assets/KaTeX_Main%20Regular.woff2', ROOT)?.path).toBe(
      join(ROOT, 'assets/KaTeX_Main Regular.woff2')
    )
  })

  it('keeps dot segments the URL itself resolves inside the folder', () => {
    // The URL parser folds `..` and `%2e%2e` before the path is read: they cannot climb out.
    expect(resolveAppFile('app://dogear/../../etc/passwd.html', ROOT)?.path).toBe(join(ROOT, 'etc/passwd.html'))
    expect(resolveAppFile('app://dogear/%2e%2e/%2e%2e/etc/passwd.html', ROOT)?.path).toBe(join(ROOT, 'etc/passwd.html'))
  })

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://dogear/assets/..%2F..%2F..%2Fetc%2Fpasswd.html',
      'app://dogear/..%5C..%5Cwindows%5Cwin.ini.html',
      'app://dogear/assets%2F..%2F..%2Fsecret.js',
      'app://dogear/index.html%00.js',
      'app://dogear/%E0%A4%A.html',
      'app://dogear/.env.json',
      'app://dogear/assets/.hidden.js'
    ]) {
      expect(resolveAppFile(url, ROOT), url).toBeNull()
    }
  })

  it('refuses other hosts, schemes, credentials, ports and kinds of file', () => {
    for (const url of [
      'app://other/index.html',
      'app://dogear.evil/index.html',
      'app://user:pw@dogear/index.html',
      'app://dogear:8080/index.html',
      'file:///opt/dogear/out/renderer/index.html',
      'https://dogear/index.html',
      'app://dogear/library.sqlite',
      'app://dogear/main.node',
      'not a url'
    ]) {
      expect(resolveAppFile(url, ROOT), url).toBeNull()
    }
  })

  it('gives the page its policy and every file nosniff', () => {
    const page = resolveAppFile(APP_PAGE_URL, ROOT)!
    expect(appResponseHeaders(page, APP_CSP)).toMatchObject({
      'Content-Security-Policy': APP_CSP,
      'X-Content-Type-Options': 'nosniff'
    })
    const script = resolveAppFile('app://dogear/assets/a.js', ROOT)!
    expect(appResponseHeaders(script, APP_CSP)).not.toHaveProperty('Content-Security-Policy')
  })

  it('is a standard, secure scheme without a CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true })
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP')
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('allowServiceWorkers')
  })
})

describe('the app:// handler', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dogear-scheme-'))
    mkdirSync(join(dir, 'renderer/assets'), { recursive: true })
    writeFileSync(join(dir, 'renderer/index.html'), '<!doctype html><title>Dogear</title>')
    writeFileSync(join(dir, 'renderer/assets/app.js'), 'console.log(1)')
    writeFileSync(join(dir, 'secret.js'), 'the library key')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('serves the page with its policy, and nothing outside the folder', async () => {
    const handle = appSchemeHandler(join(dir, 'renderer'))
    const page = await handle(new Request(APP_PAGE_URL))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP)
    expect(await page.text()).toContain('<title>Dogear</title>')
    expect(await (await handle(new Request('app://dogear/assets/app.js'))).text()).toBe('console.log(1)')
    const escape = await handle(new Request('app://dogear/assets/..%2F..%2Fsecret.js'))
    expect(escape.status).toBe(404)
    expect(await escape.text()).not.toContain('library key')
    expect((await handle(new Request('app://dogear/missing.js'))).status).toBe(404)
    expect((await handle(new Request(APP_PAGE_URL, { method: 'POST', body: 'x' }))).status).toBe(405)
  })
})
