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

/** The panes F6 walks through, in order; each names the element that takes focus. */
const PANES = ['.sources [tabindex="0"]', '.paper-list', `#${READER_SCROLL_ID}`]

function focusPane(step: 1 | -1): void {
  const targets = PANES.map((selector) => document.querySelector<HTMLElement>(selector)).filter(
    (element): element is HTMLElement => element !== null
  )
  if (targets.length === 0) return
  const active = document.activeElement
  const current = targets.findIndex((element) => element === active || element.parentElement?.contains(active))
  const next = targets[(current + step + targets.length) % targets.length]
  next?.focus()
}

/** How many list rows fit on screen: what PageDown moves by. */
function rowsPerScreen(): number {
  const list = document.querySelector<HTMLElement>('.paper-list')
  const row = list?.querySelector<HTMLElement>('[role="option"]')
  if (!list || !row || row.offsetHeight === 0) return 10
  return Math.max(1, Math.floor(list.clientHeight / row.offsetHeight) - 1)
}

/** Keys that act on the list's papers: not while another view (Progress, Trash) is shown. */
const LIST_KEYS: readonly Command[] = ['extendNext', 'extendPrevious', 'selectAll', 'tag', 'delete', 'contextMenu']

/** Keys the reader pane scrolls with when it has focus; elsewhere they move in the list. */
const SCROLL_KEYS: readonly Command[] = ['first', 'last', 'pageDown', 'pageUp']

function run(dogear: Dogear, command: Command): void {
  switch (command) {
    case 'first':
      return void dogear.selectIndex(0)
    case 'last':
      return void dogear.selectIndex(dogear.papers.getState().total - 1)
    case 'pageDown':
      return void dogear.move(rowsPerScreen())
    case 'pageUp':
      return void dogear.move(-rowsPerScreen())
    case 'nextPane':
      return focusPane(1)
    case 'previousPane':
      return focusPane(-1)
    case 'zoomIn':
      return dogear.changeTextSize(1)
    case 'zoomOut':
      return dogear.changeTextSize(-1)
    case 'zoomReset':
      return dogear.changeTextSize(0)
    // Moving without Shift leaves a multi-selection, as in a file manager.
    case 'next':
      dogear.clearPicked()
      return void dogear.move(1)
    case 'previous':
      dogear.clearPicked()
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
      } else if (dogear.clearPicked()) dogear.say('Selection cleared.')
      return
    case 'extendNext':
      return void dogear.extend(1)
    case 'extendPrevious':
      return void dogear.extend(-1)
    case 'selectAll':
      return dogear.selectAll()
    case 'tag':
      return dogear.openTagPicker()
    case 'delete':
      return void dogear.act({ kind: 'trash' })
    case 'contextMenu':
      return dogear.openMenuForSelection()
    case 'openMainLink':
      return void dogear.openMainLink()
    case 'showKeys':
      return dogear.openDialog('keys')
    case 'markAllRead':
      return dogear.requestMarkAllRead()
    case 'undo':
      return void dogear.undo()
    case 'redo':
      return void dogear.redo()
    case 'pasteDigest':
      return void dogear.pasteDigest()
    case 'dismiss':
      return void dogear.dismissSelected()
  }
}

export function useKeyboard(dogear: Dogear): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      // An open modal owns the keys. Asked of the page, not the store: Esc closes the native
      // dialog at once but its close event (which clears the store) comes a task later, and
      // a key pressed in between belongs to the reader.
      if (document.querySelector('dialog[open]')) return
      // An open context menu owns the keys too (its own handler moves and chooses).
      if (document.querySelector('[role="menu"]')) return
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
      if (SCROLL_KEYS.includes(command) && target?.closest(`#${READER_SCROLL_ID}`)) return
      if (LIST_KEYS.includes(command) && dogear.selection.getState().view !== 'papers') return
      event.preventDefault()
      run(dogear, command)
    }
    // A mouse click on a button outside dialogs leaves focus where it was, so the next Space
    // or Enter is a reading key (next unread, open the link), not a second click on Star.
    // Tab still reaches every button; a button focused by keyboard keeps Space and Enter.
    const onMouseDown = (event: MouseEvent) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null
      if (button && !button.closest('dialog') && !button.disabled) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('mousedown', onMouseDown)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('mousedown', onMouseDown)
    }
  }, [dogear])
}
