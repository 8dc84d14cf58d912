export const APP_ID: string
export const PRODUCT_NAME: string
export const FILE_ASSOCIATIONS: readonly { ext: string[]; name: string; mimeType: string }[]
export const FILES: readonly string[]
export const ASAR_UNPACK: readonly string[]
export function notarizeFrom(env: Record<string, string | undefined>): boolean
/** electron-builder's Configuration (kept loose here: the tests read it as data). */
export function builderConfig(env?: Record<string, string | undefined>): Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- electron-builder's own type is too deep to restate
declare const config: ReturnType<typeof builderConfig>
export default config
