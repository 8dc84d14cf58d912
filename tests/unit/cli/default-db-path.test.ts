import { describe, expect, it } from 'vitest'
import { defaultDbPath, resolveDbPath } from '../../../src/main/shell/default-db-path'

describe('the default library path (Electron userData for "Dogear")', () => {
  it('follows XDG on Linux', () => {
    expect(defaultDbPath({ platform: 'linux', env: {}, home: '/home/ada' })).toBe(
      '/home/ada/.config/Dogear/library.sqlite'
    )
    expect(defaultDbPath({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/ada' })).toBe(
      '/cfg/Dogear/library.sqlite'
    )
  })

  it('uses Application Support on macOS', () => {
    expect(defaultDbPath({ platform: 'darwin', env: {}, home: '/Users/ada' })).toBe(
      '/Users/ada/Library/Application Support/Dogear/library.sqlite'
    )
  })

  it('uses APPDATA on Windows', () => {
    expect(
      defaultDbPath({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, home: 'C:\\Users\\ada' })
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\Dogear\\library.sqlite')
  })

  it('lets --db win over DOGEAR_DB, and DOGEAR_DB over the default', () => {
    const environment = { platform: 'linux' as const, env: { DOGEAR_DB: '/tmp/env.sqlite' }, home: '/home/ada' }
    expect(resolveDbPath('/tmp/flag.sqlite', environment)).toBe('/tmp/flag.sqlite')
    expect(resolveDbPath(undefined, environment)).toBe('/tmp/env.sqlite')
    expect(resolveDbPath(undefined, { ...environment, env: {} })).toBe('/home/ada/.config/Dogear/library.sqlite')
  })
})
