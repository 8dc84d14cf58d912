export type FuseName =
  | 'RunAsNode'
  | 'EnableCookieEncryption'
  | 'EnableNodeOptionsEnvironmentVariable'
  | 'EnableNodeCliInspectArguments'
  | 'EnableEmbeddedAsarIntegrityValidation'
  | 'OnlyLoadAppFromAsar'
  | 'LoadBrowserProcessSpecificV8Snapshot'
  | 'GrantFileProtocolExtraPrivileges'
export const FUSES: Readonly<Record<Exclude<FuseName, 'EnableEmbeddedAsarIntegrityValidation'>, boolean>>
export function asarIntegrityFuse(platform: string): boolean
export function fusesFor(platform: string): Record<FuseName, boolean>
export function fuseConfig(
  fuses: { FuseV1Options: Record<string, unknown>; FuseVersion: { V1: string } },
  platform: string,
  arch: string
): Record<string | number, unknown>
export function electronBinaryPath(target: {
  platform: string
  appOutDir: string
  productFilename: string
  executableName: string
}): string
