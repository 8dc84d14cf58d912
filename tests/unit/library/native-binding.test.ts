// The app loads better-sqlite3's Electron build from outside node_modules through this option.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library'

const require = createRequire(import.meta.url)
const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build/Release/better_sqlite3.node')

describe('openLibrary with a native binding', () => {
  it('opens a working library with the binary it is given', () => {
    const library = openLibrary(':memory:', { nativeBinding: nodeBuild })
    expect(library.listDigests()).toEqual([])
    library.close()
  })

  it('fails loudly when the binary is missing instead of falling back silently', () => {
    expect(() => openLibrary(':memory:', { nativeBinding: '/nonexistent/better_sqlite3.node' })).toThrow(
      /better_sqlite3\.node|Cannot find module/
    )
  })
})
