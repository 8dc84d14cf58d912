// Dates as digests write them, turned into YYYY-MM-DD. Pure: the reference time is passed in.
// Days are calendar days in the machine's local time zone, the way the reader sees the file's date.

/** English month names, January first. */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
]

const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?'

// Each pattern matches a whole (trimmed) string; all are anchored and linear.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/
const MONTH_DAY_YEAR = new RegExp(`^${WEEKDAY}${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?$`, 'i')
const DAY_MONTH_YEAR = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME}(?:,?\\s+(\\d{4}))?$`, 'i')
// RFC 2822 as mail and RSS write it: "Tue, 12 Mar 2024 10:00:00 GMT".
const RFC_2822 = new RegExp(
  `^${WEEKDAY}(\\d{1,2})\\s+${MONTH_NAME}\\s+(\\d{4})\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s+\\S+)?$`,
  'i'
)

export interface CalendarDate {
  year: number
  month: number
  day: number
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return false
  if (!Number.isInteger(month) || month < 1 || month > 12) return false
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** By the Gregorian rules (as Date counts), without building a local Date for each date read. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!
}

/** True for a real calendar date written YYYY-MM-DD (what `--date` accepts). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return match !== null && isValidDate(Number(match[1]), Number(match[2]), Number(match[3]))
}

/** The local calendar day of a moment. */
export function localIsoDate(moment: Date): string {
  return formatIsoDate({ year: moment.getFullYear(), month: moment.getMonth() + 1, day: moment.getDate() })
}

/**
 * A month and day without a year ("Mar 12") as the latest such date not after `reference`:
 * a list dated "Dec 30" in a file saved on Jan 2 is from the year before.
 * Feb 29 goes back to the latest leap year.
 */
export function inferYear(month: number, day: number, reference: Date): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const refYear = reference.getFullYear()
  const refKey = (reference.getMonth() + 1) * 100 + reference.getDate()
  let year = month * 100 + day <= refKey ? refYear : refYear - 1
  // Only Feb 29 needs more than one step back; eight covers any gap between leap years.
  for (let tries = 0; tries < 9; tries++, year--) {
    if (isValidDate(year, month, day)) return formatIsoDate({ year, month, day })
  }
  return null
}

/** A month as digests write it: a number ("3", "03"), or a name or abbreviation of three letters or more ("Mar", "march", "Sept."). */
export function monthNumber(text: string | null): number | null {
  if (!text) return null
  const trimmed = text.trim().toLowerCase()
  if (/^\d{1,2}$/.test(trimmed)) return Number(trimmed)
  const index = MONTH_NAMES.findIndex((name) => trimmed.length >= 3 && name.startsWith(trimmed.slice(0, 3)))
  return index >= 0 ? index + 1 : null
}

/** YYYY-MM-DD from a year and maybe a month and day; the missing parts are the first. */
export function partialDate(year: number, month: number | null, day: number | null): string | null {
  const m = month !== null && month >= 1 && month <= 12 ? month : 1
  const d = month !== null && day !== null && isValidDate(year, m, day) ? day : 1
  return isValidDate(year, m, d) ? formatIsoDate({ year, month: m, day: d }) : null
}

function fromParts(year: string | undefined, month: number | null, day: string, reference: Date): string | null {
  if (month === null) return null
  const dayNumber = Number(day)
  if (year === undefined) return inferYear(month, dayNumber, reference)
  const yearNumber = Number(year)
  return isValidDate(yearNumber, month, dayNumber) ? formatIsoDate({ year: yearNumber, month, day: dayNumber }) : null
}

/**
 * Reads one date written the way digests write them: "Mar 12", "March 12, 2024", "12 Mar 2024",
 * "2024-03-12", "2024/03/12", an ISO timestamp, or an RFC 2822 date. Null when it is not one.
 * A date with no year takes the latest such date not after `reference` (the file's modification time).
 */
export function parseDate(text: string, reference: Date): string | null {
  const trimmed = text.trim()
  if (trimmed.length > 64) return null
  let match = ISO.exec(trimmed)
  if (match) return fromParts(match[1], Number(match[2]), match[3]!, reference)
  match = SLASHED.exec(trimmed)
  if (match) return fromParts(match[1], Number(match[2]), match[3]!, reference)
  match = MONTH_DAY_YEAR.exec(trimmed)
  if (match) return fromParts(match[3], monthNumber(match[1]!), match[2]!, reference)
  match = DAY_MONTH_YEAR.exec(trimmed)
  if (match) return fromParts(match[3], monthNumber(match[2]!), match[1]!, reference)
  match = RFC_2822.exec(trimmed)
  if (match) return fromParts(match[3], monthNumber(match[2]!), match[1]!, reference)
  return null
}

/** The digest's date: the user's override wins over whatever the file says. */
export function digestDate(found: string | null, context: { dateOverride: string | null }): string | null {
  return context.dateOverride ?? found
}
