// A digest's context menu in the Sources pane: right-click, the context-menu key or Shift+F10.
import type { KeyboardEvent, MouseEvent } from 'react'
import type { Dogear } from '../actions'
import type { DigestProgress } from '../../../shared/model'

export function digestMenuHandlers(dogear: Dogear, digest: Pick<DigestProgress, 'id' | 'title' | 'unread'>) {
  const subject = { kind: 'digest' as const, digestId: digest.id, title: digest.title, unread: digest.unread }
  return {
    onContextMenu: (event: MouseEvent<HTMLElement>) => {
      event.preventDefault()
      dogear.openMenu(subject, event.clientX, event.clientY, event.currentTarget)
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.key !== 'ContextMenu' && !(event.key === 'F10' && event.shiftKey)) return
      event.preventDefault()
      const box = event.currentTarget.getBoundingClientRect()
      dogear.openMenu(subject, box.left + 16, box.bottom, event.currentTarget)
    }
  }
}
