// Database and system errors as sentences a reader can act on; the raw text stays available
// for a bug report but is never the headline.

const SENTENCES: { pattern: RegExp; sentence: string }[] = [
  {
    pattern: /SQLITE_BUSY|database is locked|\bBUSY\b/i,
    sentence: 'The library is busy with another change (an import, or the command line). Try again in a moment.'
  },
  {
    pattern: /SQLITE_FULL|disk is full|DISK_FULL|ENOSPC/i,
    sentence: 'The disk is full, so the library cannot save. Free some space, then try again.'
  },
  {
    pattern: /SQLITE_READONLY|read-only|READ_ONLY|EACCES|EPERM/i,
    sentence: 'The library file cannot be written (it is read-only or its folder is protected).'
  },
  {
    pattern: /SQLITE_CORRUPT|SQLITE_NOTADB|malformed|not a database|CORRUPT/i,
    sentence: 'The library file is damaged. Dogear keeps a backup next to it from before each upgrade.'
  },
  {
    pattern: /SQLITE_CANTOPEN|unable to open/i,
    sentence: 'The library file could not be opened. Is its disk or folder still there?'
  },
  {
    pattern: /SQLITE_IOERR|disk I\/O error/i,
    sentence: 'Reading the library from disk failed. Try again; if it keeps failing, check the disk.'
  },
  { pattern: /SQLITE_[A-Z_]+/, sentence: 'The library could not do that just now. Try again.' }
]

/** A sentence for an error message; messages that are sentences already pass through. */
export function friendlyError(message: string): string {
  for (const { pattern, sentence } of SENTENCES) if (pattern.test(message)) return sentence
  return message
}
