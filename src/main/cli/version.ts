// The version `dogear --version` prints: package.json's, read once from beside the sources.
import { readFileSync } from 'node:fs'

const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

export const DOGEAR_VERSION = packageJson.version
