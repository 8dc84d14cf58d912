import { parseDate } from '../../dates'

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?'
const DOTTED = /\b(\d{4})[./-](\d{1,2})[./-](\d{1,2})\b/
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, 'i')
const DAY_FIRST = new RegExp(`\\b\\d{1,2}\\s+${MONTH}(?:,?\\s+\\d{4})?\\b`, 'i')

/** A date inside a short text; dates without a year only when `allowYearless`. */
export function dateIn(text: string, reference: Date, allowYearless: boolean): string | null {
  const sample = text.slice(0, 200)
  const dotted = DOTTED.exec(sample)
  if (dotted) return parseDate(`${dotted[1]}-${dotted[2]!.padStart(2, '0')}-${dotted[3]!.padStart(2, '0')}`, reference)
  for (const pattern of [MONTH_FIRST, DAY_FIRST]) {
    const match = pattern.exec(sample)
    if (match && (allowYearless || /\d{4}/.test(match[0]))) {
      const date = parseDate(match[0], reference)
      if (date) return date
    }
  }
  return null
}
