/** "Mar 12, 2026" for a YYYY-MM-DD date, in the reader's locale; other text is shown as it is. */
export function formatDay(date: string | null, withYear = true): string {
  if (!date) return ''
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00`)
  if (Number.isNaN(parsed.getTime())) return date
  return parsed.toLocaleDateString(
    undefined,
    withYear ? { month: 'short', day: 'numeric', year: 'numeric' } : { month: 'short', day: 'numeric' }
  )
}

/** The file name at the end of a path, for labels; the full path stays in the tooltip. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path
}
