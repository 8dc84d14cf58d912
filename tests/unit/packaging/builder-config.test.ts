// The packaging configuration as data: what goes into the package, what stays out, the
// native module outside the asar, the targets, the file associations and the fuses.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type * as Fuses from '@electron/fuses'
import { FuseV1Options, FuseVersion } from '@electron/fuses'
import { describe, expect, it, vi } from 'vitest'
import { listFormats } from '../../../src/main/ingest/pipeline'
import { builderConfig, FILE_ASSOCIATIONS, notarizeFrom } from '../../../packaging/builder-config.mjs'
import { electronBinaryPath, FUSES, fuseConfig, fusesFor } from '../../../packaging/fuses.mjs'

const ROOT = resolve(__dirname, '../../..')
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  main: string
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

const flipped = vi.hoisted(() => [] as { binary: string; config: Record<string | number, unknown> }[])
vi.mock('@electron/fuses', async (importOriginal) => ({
  ...(await importOriginal<typeof Fuses>()),
  flipFuses: async (binary: string, config: Record<string | number, unknown>) => {
    flipped.push({ binary, config })
    return 1
  }
}))

describe('what goes into the package', () => {
  const config = builderConfig({})

  it('packs the built bundles and the sample, never sources, tests or maps', () => {
    expect(pkg.main).toBe('./out/main/index.js')
    expect(config.files).toEqual(
      expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/sample-digest.txt'])
    )
    expect(config.files.some((glob: string) => glob.startsWith('src'))).toBe(false)
    expect(config.files).toContain('!**/*.map')
    const excluded = config.files.find((glob: string) => glob.startsWith('!{src,'))
    for (const folder of ['src', 'tests', 'bench', 'docs', 'scripts', '.electron-native']) {
      expect(excluded, folder).toContain(folder)
    }
  })

  it('keeps native modules outside the asar and rebuilds them for Electron', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toEqual(['**/*.node'])
    expect(config.npmRebuild).toBe(true)
    expect(pkg.dependencies['better-sqlite3']).toBeDefined()
  })

  it('ships the updater with the app and the packagers only as tools', () => {
    expect(pkg.dependencies['electron-updater']).toMatch(/^\d+\.\d+\.\d+$/)
    for (const tool of ['electron-builder', '@electron/fuses', 'electron']) {
      expect(pkg.devDependencies[tool], tool).toMatch(/^\d+\.\d+\.\d+$/)
      expect(pkg.dependencies[tool], tool).toBeUndefined()
    }
    expect(pkg.scripts.dist).toContain('electron-builder')
    expect(pkg.scripts.dist).toContain('packaging/builder-config.mjs')
  })

  it('builds AppImage and deb, dmg and zip (hardened), NSIS and portable', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg', 'zip'])
    expect(config.win.target).toEqual(['nsis', 'portable'])
    expect(config.mac.hardenedRuntime).toBe(true)
    expect(readFileSync(resolve(ROOT, config.mac.entitlements), 'utf8')).toContain('com.apple.security.cs.allow-jit')
    expect(config.appId).toBe('org.dogear.app')
    expect(config.productName).toBe('Dogear')
    expect(config.afterPack).toBe('./packaging/after-pack.mjs')
  })

  it('notarizes only with Apple credentials from the environment', () => {
    expect(notarizeFrom({})).toBe(false)
    expect(notarizeFrom({ APPLE_ID: 'me@example.org' })).toBe(true)
    expect(notarizeFrom({ APPLE_API_KEY: '/keys/AuthKey.p8' })).toBe(true)
    expect(builderConfig({ APPLE_ID: 'me@example.org' }).mac.notarize).toBe(true)
    expect(JSON.stringify(builderConfig({}))).not.toMatch(/password|secret|BEGIN/i)
  })

  it('opens digest files Dogear reads, and leaves generic kinds alone', () => {
    const readable = new Set(listFormats().flatMap((format) => format.extensions.map((e) => e.replace(/^\./, ''))))
    const associated = FILE_ASSOCIATIONS.flatMap((association) => association.ext)
    expect(associated.sort()).toEqual(['atom', 'bib', 'bibtex', 'csljson', 'eml', 'rdf', 'ris', 'rss'])
    for (const ext of associated) expect(readable.has(ext), ext).toBe(true)
    for (const generic of ['txt', 'json', 'html', 'xml', 'md']) expect(associated).not.toContain(generic)
    expect(config.fileAssociations.every((association: { role: string }) => association.role === 'Viewer')).toBe(true)
  })
})

describe('fuses', () => {
  it('turns off running as Node, NODE_OPTIONS, inspect and file:// privileges; turns on cookie encryption and asar only', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false
    })
    expect(fusesFor('darwin').EnableEmbeddedAsarIntegrityValidation).toBe(true)
    expect(fusesFor('win32').EnableEmbeddedAsarIntegrityValidation).toBe(true)
    expect(fusesFor('linux').EnableEmbeddedAsarIntegrityValidation).toBe(false)
  })

  it('sets every fuse of the wire @electron/fuses knows, strictly', () => {
    const config = fuseConfig({ FuseV1Options, FuseVersion }, 'linux', 'x64')
    const wire = Object.values(FuseV1Options).filter((value) => typeof value === 'number')
    expect(
      Object.keys(config)
        .filter((key) => /^\d+$/.test(key))
        .map(Number)
        .sort()
    ).toEqual(wire.sort())
    expect(config).toMatchObject({ version: FuseVersion.V1, strictlyRequireAllFuses: true })
    expect(config[FuseV1Options.RunAsNode]).toBe(false)
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
    expect(config[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
    expect(fuseConfig({ FuseV1Options, FuseVersion }, 'darwin', 'arm64').resetAdHocDarwinSignature).toBe(true)
    expect(() => fuseConfig({ FuseV1Options: {}, FuseVersion }, 'linux', 'x64')).toThrow(/no fuse named RunAsNode/)
  })

  it('flips them in the packaged binary of each platform after packing', async () => {
    const { default: afterPack } = await import('../../../packaging/after-pack.mjs')
    const context = (platform: string, arch: number) => ({
      electronPlatformName: platform,
      appOutDir: '/build/out',
      arch,
      packager: { appInfo: { productFilename: 'Dogear' }, executableName: 'dogear' }
    })
    await afterPack(context('linux', 1))
    await afterPack(context('win32', 1))
    await afterPack(context('darwin', 3))
    expect(flipped.map((call) => call.binary)).toEqual([
      '/build/out/dogear',
      '/build/out/Dogear.exe',
      '/build/out/Dogear.app'
    ])
    expect(flipped[2]!.config).toMatchObject({ resetAdHocDarwinSignature: true, [FuseV1Options.RunAsNode]: false })
    expect(
      electronBinaryPath({ platform: 'linux', appOutDir: '/o', productFilename: 'Dogear', executableName: 'dogear' })
    ).toBe('/o/dogear')
  })
})
