export interface AfterPackContextLike {
  electronPlatformName: string
  appOutDir: string
  arch: number
  packager: { appInfo: { productFilename: string }; executableName?: string }
}
export default function afterPack(context: AfterPackContextLike): Promise<void>
