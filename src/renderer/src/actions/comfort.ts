// Text size, reader width and row density: the reader's own choices, kept per machine.
import { loadComfort, nextTextSize, saveComfort, type Comfort } from '../lib/comfort'
import { say, type ActionContext } from './context'

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage
}

export function createComfortActions(ctx: ActionContext) {
  ctx.ui.setState({ comfort: loadComfort(storage()) })

  function setComfort(patch: Partial<Comfort>): void {
    const comfort = { ...ctx.ui.getState().comfort, ...patch }
    ctx.ui.setState({ comfort })
    saveComfort(storage(), comfort)
  }

  /** Ctrl/Cmd +, - and 0: the reader's text, one px at a time. */
  function changeTextSize(step: -1 | 0 | 1): void {
    const textSize = nextTextSize(ctx.ui.getState().comfort.textSize, step)
    setComfort({ textSize })
    say(ctx, `Text size ${textSize} px.`)
  }

  return { setComfort, changeTextSize }
}
