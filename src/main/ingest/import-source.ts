// What one import reads: a file by its path, or text that arrived as text (a paste, the
// clipboard). Every import the app, the CLI or the watched folder starts is a list of these.
import type { ImportFileReport, Settings } from '../../shared/model'
import type { Library } from '../library/contract'
import { MAX_DECODED_BYTES } from '../import/decode'
import { importFile, importText, type ImportOptions } from './pipeline'

export interface PastedText {
  text: string
  /** Stands in for the file name in reports and detection. */
  name: string
}

/** A path is a file to read; an object is text to import as it is. */
export type ImportSource = string | PastedText

export function sourceLabel(source: ImportSource): string {
  return typeof source === 'string' ? source : source.name
}

export function importSource(library: Library, source: ImportSource, options: ImportOptions): ImportFileReport {
  return typeof source === 'string'
    ? importFile(library, source, options)
    : importText(library, source.text, source.name, options)
}

/** The size cap in bytes: the reader's setting, never more than the decoder can hold. */
export function sizeCapBytes(settings: Pick<Settings, 'importSizeCapMb'>): number {
  return Math.min(settings.importSizeCapMb * 1024 * 1024, MAX_DECODED_BYTES)
}

/** The options every import of this library starts from (its size cap), with `extra` on top. */
export function importOptionsFor(library: Library, extra: ImportOptions = {}): ImportOptions {
  return { sizeCapBytes: sizeCapBytes(library.getSettings()), ...extra }
}
