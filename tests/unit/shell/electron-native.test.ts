import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  addonAbi,
  findNativeBinding,
  isUpToDate,
  nativePaths,
  nodeGypArgs,
  nodeGypCandidates,
  nodeGypEnv,
  stampText,
  type NativeStamp
} from '../../../src/main/shell/electron-native'

const wanted: NativeStamp = { electron: '45.5.0', abi: 150, betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' }
const addon = (abi: number) => new TextEncoder().encode(`\u007fELF...node_register_module_v${abi}\u0000...`)

describe('nativePaths', () => {
  it('keeps the Electron build outside node_modules', () => {
    expect(nativePaths('/src/dogear')).toEqual({
      dir: join('/src/dogear', '.electron-native'),
      binding: join('/src/dogear', '.electron-native', 'better_sqlite3.node'),
      stamp: join('/src/dogear', '.electron-native', 'stamp.json')
    })
  })
})

describe('isUpToDate', () => {
  it('skips the work when the build was made for the same versions', () => {
    expect(isUpToDate(stampText(wanted), wanted, true)).toBe(true)
  })

  it('rebuilds after an upgrade, a missing file or a damaged stamp', () => {
    expect(isUpToDate(stampText({ ...wanted, electron: '44.0.0', abi: 140 }), wanted, true)).toBe(false)
    expect(isUpToDate(stampText({ ...wanted, betterSqlite3: '12.10.0' }), wanted, true)).toBe(false)
    expect(isUpToDate(stampText({ ...wanted, arch: 'arm64' }), wanted, true)).toBe(false)
    expect(isUpToDate(stampText(wanted), wanted, false)).toBe(false)
    expect(isUpToDate(null, wanted, true)).toBe(false)
    expect(isUpToDate('{"electron": ', wanted, true)).toBe(false)
    expect(isUpToDate('"45.5.0"', wanted, true)).toBe(false)
  })
})

describe('addonAbi', () => {
  it('reads the ABI a native addon was built for', () => {
    expect(addonAbi(addon(150))).toBe(150)
    expect(addonAbi(addon(115))).toBe(115)
    expect(addonAbi(new Uint8Array([1, 2, 3]))).toBeNull()
  })
})

describe('findNativeBinding', () => {
  const root = '/src/dogear'
  const binding = nativePaths(root).binding

  it('uses the prepared build when it matches the running Electron', () => {
    expect(findNativeBinding(root, 150, (path) => (path === binding ? addon(150) : null))).toBe(binding)
  })

  it('ignores a missing build or one made for another ABI', () => {
    expect(findNativeBinding(root, 150, () => null)).toBeUndefined()
    expect(findNativeBinding(root, 150, () => addon(115))).toBeUndefined()
  })
})

describe('node-gyp', () => {
  it('compiles against Electron headers, whatever nodedir npm was configured with', () => {
    expect(nodeGypArgs(wanted)).toEqual([
      'rebuild',
      '--release',
      '--target=45.5.0',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers'
    ])
    const env = nodeGypEnv({ PATH: '/usr/bin', npm_config_nodedir: '/usr', npm_config_target: '20.0.0' }, wanted)
    expect(env).toMatchObject({ PATH: '/usr/bin', npm_config_nodedir: '', npm_config_target: '45.5.0' })
    expect(env.npm_config_runtime).toBe('electron')
  })

  it('finds the node-gyp that comes with npm', () => {
    expect(
      nodeGypCandidates(
        { npm_config_node_gyp: '/a/node-gyp.js', npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' },
        '/usr/local/lib/node_modules'
      )
    ).toEqual([
      '/a/node-gyp.js',
      join('/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
      join('/usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js')
    ])
    expect(nodeGypCandidates({}, null)).toEqual([])
  })
})
