// The Electron fuses a packaged Dogear is built with, as data (tests read it), and the path of
// the Electron binary they are flipped in. Fuses are bits in the binary itself: they cannot be
// changed by the app's code or its command line at run time.

/** Fuse name (as @electron/fuses' FuseV1Options spells it) -> on or off, on every platform. */
export const FUSES = Object.freeze({
  // No ELECTRON_RUN_AS_NODE: the binary cannot be used as a plain Node to run any script.
  RunAsNode: false,
  // Cookies and local storage are encrypted with the OS keychain.
  EnableCookieEncryption: true,
  // NODE_OPTIONS and --inspect cannot inject code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // Only app.asar is loaded: a folder named app beside it cannot replace Dogear's code.
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  // file:// gets no extra privileges: the window loads app://dogear, never file://.
  GrantFileProtocolExtraPrivileges: false
})

/** Electron checks app.asar against the hash electron-builder records, where it can (macOS, Windows). */
export function asarIntegrityFuse(platform) {
  return platform === 'darwin' || platform === 'win32'
}

/** Every fuse for one platform, by name. */
export function fusesFor(platform) {
  return { ...FUSES, EnableEmbeddedAsarIntegrityValidation: asarIntegrityFuse(platform) }
}

/**
 * The @electron/fuses config for one platform: every fuse of the wire set (strict, so a fuse a
 * newer Electron adds fails the build until it is decided here). Apple silicon needs the ad-hoc
 * signature redone after the binary changed.
 */
export function fuseConfig(fuses, platform, arch) {
  const { FuseV1Options, FuseVersion } = fuses
  const config = {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64'
  }
  for (const [name, on] of Object.entries(fusesFor(platform))) {
    const index = FuseV1Options[name]
    if (typeof index !== 'number') throw new Error(`@electron/fuses has no fuse named ${name}`)
    config[index] = on
  }
  return config
}

/** The file to flip fuses in: the .app bundle on macOS, the executable elsewhere. */
export function electronBinaryPath({ platform, appOutDir, productFilename, executableName }) {
  if (platform === 'darwin') return `${appOutDir}/${productFilename}.app`
  if (platform === 'win32') return `${appOutDir}/${productFilename}.exe`
  return `${appOutDir}/${executableName}`
}
