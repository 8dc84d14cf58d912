import { useEffect } from 'react'
import type { Dogear } from './actions'
import { READER_SCROLL_ID } from './components/ReaderPane'
import { commandFor, type Command } from './lib/keymap'

function isTextField(element: Element | null): boolean {
  if (!element) return false
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true
  if (element instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(element.type)
  }
  return element instanceof HTMLElement && element.isContentEditable
}

/** Buttons and links own Enter and Space when they have focus. */
function ownsActivationKeys(element: Element | null): boolean {
  return !!element && !!element.closest('button, a[href], summary, [role="button"], input, select')
}

/** Space pages the reader down; at its end it goes to the next unread paper. */
function pageReaderOrNext(dogear: Dogear): void {
  const scroller = document.getElementById(READER_SCROLL_ID)
  if (scroller && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 4) {
    scroller.scrollBy({ top: scroller.clientHeight * 0.85, behavior: 'smooth' })
  } else void dogear.nextUnread()
}

function run(dogear: Dogear, command: Command): void {
  switch (command) {
    case 'next':
      return void dogear.move(1)
    case 'previous':
      return void dogear.move(-1)
    case 'pageOrNextUnread':
      return pageReaderOrNext(dogear)
    case 'nextUnread':
      return void dogear.nextUnread()
    case 'toggleStar':
      return void dogear.toggleStar()
    case 'toggleRead':
      return void dogear.toggleRead()
    case 'focusSearch':
      return dogear.requestSearchFocus()
    case 'editNote':
      return dogear.requestNoteEdit()
    case 'leaveField':
      if (document.activeElement instanceof HTMLElement && isTextField(document.activeElement)) {
        document.activeElement.blur()
      }
      return
    case 'openMainLink':
      return void dogear.openMainLink()
    case 'showKeys':
      return dogear.openDialog('keys')
    case 'markAllRead':
      return void dogear.markAllRead()
    case 'undo':
      return void dogear.undo()
    case 'redo':
      return void dogear.redo()
    case 'pasteDigest':
      return void dogear.pasteDigest()
  }
}

export function useKeyboard(dogear: Dogear): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      if (dogear.ui.getState().dialog !== null) return
      const target = document.activeElement
      if ((event.key === 'Enter' || event.key === ' ') && ownsActivationKeys(target)) return
      const command = commandFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        inTextField: isTextField(target)
      })
      if (!command) return
      event.preventDefault()
      run(dogear, command)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [dogear])
}
