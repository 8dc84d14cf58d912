import { collapseWhitespace } from '../../normalize'

/** collapseWhitespace, skipping the rewrite when the text is already tidy (the common case, by far). */
export function tidy(text: string): string {
  return /\s\s|[\t\n\r\f\v\u00a0]|^\s|\s$/.test(text) ? collapseWhitespace(text) : text
}
