// "Working…" for anything that takes longer than a moment: shown only past ACTIVITY_DELAY_MS,
// so quick answers do not flash it.
import type { ActionContext } from './context'

export const ACTIVITY_DELAY_MS = 200

export async function withActivity<T>(ctx: ActionContext, label: string, work: () => Promise<T>): Promise<T> {
  const timer = setTimeout(() => ctx.ui.setState({ activity: label }), ACTIVITY_DELAY_MS)
  try {
    return await work()
  } finally {
    clearTimeout(timer)
    if (ctx.ui.getState().activity === label) ctx.ui.setState({ activity: null })
  }
}
