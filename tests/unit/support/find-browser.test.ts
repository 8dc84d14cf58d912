import { describe, expect, it } from 'vitest'
import { BROWSER_CANDIDATES, findBrowser } from '../../e2e/browser'

describe('the browser the browser tests drive', () => {
  it('takes DOGEAR_CHROMIUM first, and only if it exists', () => {
    const all = () => true
    expect(findBrowser({ DOGEAR_CHROMIUM: '/opt/chrome/chrome' }, all)).toBe('/opt/chrome/chrome')
    expect(findBrowser({ DOGEAR_CHROMIUM: '/opt/missing' }, (path) => path !== '/opt/missing')).toBeNull()
  })

  it("looks in Debian's, Ubuntu's, Chrome's and the macOS apps' places, in that order", () => {
    expect(findBrowser({}, (path) => path === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome')
    expect(findBrowser({}, (path) => path.startsWith('/usr/bin/'))).toBe('/usr/bin/chromium')
    expect(BROWSER_CANDIDATES).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')
  })

  it('finds none where there is none', () => {
    expect(findBrowser({}, () => false)).toBeNull()
  })
})
