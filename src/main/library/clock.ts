// Dates as the library stores and shows them.

export type Clock = () => Date

/** YYYY-MM-DD of the local calendar day (the reader's day, not UTC's). */
export function localDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${month}-${day}`
}

/** Local midnight `days` days before the day of `date`. */
export function startOfLocalDay(date: Date, daysBack = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - daysBack)
}
