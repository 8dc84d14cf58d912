// Digest files the system asks Dogear to open (a double-click on a .bib, "Open with"): on
// Windows and Linux they arrive as command-line arguments, at start or through a second
// instance; on macOS as 'open-file' events. Main imports them itself, through the worker.
import { extname, isAbsolute, resolve } from 'node:path'

/** The extensions the installers associate with Dogear (packaging/builder-config.mjs lists the same). */
export const ASSOCIATED_EXTENSIONS = ['atom', 'bib', 'bibtex', 'csljson', 'eml', 'rdf', 'ris', 'rss'] as const

const ASSOCIATED = new Set<string>(ASSOCIATED_EXTENSIONS)

/** The digest files among command-line arguments: no switches, only associated kinds, as absolute paths. */
export function digestPathsFromArgv(args: readonly string[], cwd: string): string[] {
  const paths = args
    .filter((arg) => arg !== '' && !arg.startsWith('-'))
    .filter((arg) => ASSOCIATED.has(extname(arg).slice(1).toLowerCase()))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)))
  return [...new Set(paths)].slice(0, 1000)
}
