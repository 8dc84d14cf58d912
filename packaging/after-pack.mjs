// electron-builder's afterPack hook: flips the fuses (fuses.mjs) in the packaged Electron binary
// before it is signed and wrapped into an installer.
import { electronBinaryPath, fuseConfig } from './fuses.mjs'

// electron-builder's Arch enum, by number.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']

export default async function afterPack(context) {
  const platform = context.electronPlatformName
  const binary = electronBinaryPath({
    platform,
    appOutDir: context.appOutDir,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName ?? context.packager.appInfo.productFilename
  })
  // The layout check packs a stand-in binary with no fuse wire; it checks the fuses as data.
  if (process.env.DOGEAR_SKIP_FUSES === '1') return
  const fuses = await import('@electron/fuses')
  await fuses.flipFuses(binary, fuseConfig(fuses, platform, ARCH_NAMES[context.arch] ?? 'x64'))
}
