import type { PaperDetail } from '../../../shared/model'
import type { ActionContext } from './context'

/** The paper in the reader, when it is the one selected (not a stale answer for another). */
export function selectedPaper(ctx: ActionContext): PaperDetail | null {
  const { paper } = ctx.reader.getState()
  return paper && paper.id === ctx.selection.getState().selectedId ? paper : null
}

/** A title short enough for the status line, in quotes. */
export function quotedTitle(title: string, max = 60): string {
  return `“${title.length > max ? `${title.slice(0, max - 1).trimEnd()}…` : title}”`
}

export function plural(count: number, word: string): string {
  const plural = /(ch|sh|s|x)$/.test(word) ? `${word}es` : `${word}s`
  return `${count.toLocaleString('en-US')} ${count === 1 ? word : plural}`
}
