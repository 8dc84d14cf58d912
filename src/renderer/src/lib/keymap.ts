// The keyboard map, as a pure function of a key press so it can be tested without a DOM.

export type Command =
  | 'next'
  | 'previous'
  | 'pageOrNextUnread'
  | 'nextUnread'
  | 'toggleStar'
  | 'toggleRead'
  | 'focusSearch'
  | 'editNote'
  | 'leaveField'
  | 'openMainLink'
  | 'showKeys'
  | 'markAllRead'
  | 'undo'
  | 'redo'
  | 'pasteDigest'
  | 'dismiss'
  | 'first'
  | 'last'
  | 'pageDown'
  | 'pageUp'
  | 'nextPane'
  | 'previousPane'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomReset'
  | 'extendNext'
  | 'extendPrevious'
  | 'selectAll'
  | 'tag'
  | 'delete'
  | 'contextMenu'

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
  /** True while focus is in a text field, where keys belong to the field. */
  inTextField: boolean
}

/** Ctrl on Linux and Windows, Cmd on macOS: either counts as the command modifier. */
function commandModifier(press: KeyPress): boolean {
  return press.ctrlKey || press.metaKey
}

export function commandFor(press: KeyPress): Command | null {
  const key = press.key
  if (key === 'F6') return press.shiftKey ? 'previousPane' : 'nextPane'
  if (!press.inTextField && (key === 'ContextMenu' || (key === 'F10' && press.shiftKey))) return 'contextMenu'
  if (commandModifier(press) && !press.altKey) {
    if (key === '+' || key === '=') return 'zoomIn'
    if (key === '-') return 'zoomOut'
    if (key === '0') return 'zoomReset'
  }
  if (press.inTextField) return key === 'Escape' ? 'leaveField' : null
  if (press.altKey) return null
  if (commandModifier(press)) {
    if (key.toLowerCase() === 'z') return press.shiftKey ? 'redo' : 'undo'
    if (key.toLowerCase() === 'y' && !press.shiftKey) return 'redo'
    if (key.toLowerCase() === 'v' && press.shiftKey) return 'pasteDigest'
    if (key.toLowerCase() === 'a' && !press.shiftKey) return 'selectAll'
    return null
  }
  switch (key) {
    case 'j':
      return 'next'
    case 'k':
      return 'previous'
    case 'ArrowDown':
      return press.shiftKey ? 'extendNext' : 'next'
    case 'ArrowUp':
      return press.shiftKey ? 'extendPrevious' : 'previous'
    case 'J':
      return press.shiftKey ? 'extendNext' : null
    case 'K':
      return press.shiftKey ? 'extendPrevious' : null
    case 't':
      return 'tag'
    case 'Delete':
      return 'delete'
    case ' ':
      return press.shiftKey ? null : 'pageOrNextUnread'
    case 'n':
      return 'nextUnread'
    case 's':
      return 'toggleStar'
    case 'm':
      return 'toggleRead'
    case '/':
      return 'focusSearch'
    case 'e':
      return 'editNote'
    case 'Enter':
    case 'o':
      return 'openMainLink'
    case '?':
      return 'showKeys'
    case 'x':
      return 'dismiss'
    case 'A':
      return press.shiftKey ? 'markAllRead' : null
    case 'Home':
      return 'first'
    case 'End':
      return 'last'
    case 'PageDown':
      return 'pageDown'
    case 'PageUp':
      return 'pageUp'
    case 'Escape':
      return 'leaveField'
    default:
      return null
  }
}

export interface KeyHelp {
  keys: string[]
  action: string
}

/** What the "?" dialog lists; kept next to the map so the two cannot drift apart. */
export const KEY_HELP: KeyHelp[] = [
  { keys: ['j', '↓'], action: 'Next paper' },
  { keys: ['k', '↑'], action: 'Previous paper' },
  { keys: ['Home', 'End'], action: 'First / last paper in the list' },
  { keys: ['PageDown', 'PageUp'], action: 'A screenful down / up the list' },
  { keys: ['F6', 'Shift+F6'], action: 'Next / previous pane' },
  { keys: ['Space'], action: 'Scroll the reader, then go to the next unread paper' },
  { keys: ['n'], action: 'Next unread paper' },
  { keys: ['m'], action: 'Mark read / unread' },
  { keys: ['s'], action: 'Star / unstar' },
  { keys: ['x'], action: 'Dismiss a suggestion (in Recommended)' },
  { keys: ['Shift+A'], action: 'Mark everything in the list read' },
  { keys: ['Shift+J', 'Shift+K'], action: 'Add the next / previous paper to the selection' },
  { keys: ['Ctrl/Cmd+A'], action: 'Select every paper in the list' },
  { keys: ['Shift+click', 'Ctrl/Cmd+click'], action: 'Select a range / add or remove one paper' },
  { keys: ['t'], action: 'Tag the paper (or the selection)' },
  { keys: ['Delete'], action: 'Move the paper (or the selection) to the trash' },
  { keys: ['Shift+F10', 'Menu'], action: 'The context menu of the paper (or the selection)' },
  { keys: ['Ctrl/Cmd+Z'], action: 'Undo the last change (it shows the paper it changed)' },
  { keys: ['Ctrl/Cmd+Shift+Z', 'Ctrl+Y'], action: 'Redo what was undone' },
  { keys: ['/'], action: 'Search papers' },
  { keys: ['e'], action: 'Edit the note' },
  { keys: ['Esc'], action: 'Leave the note or search box; clear the selection' },
  { keys: ['Enter', 'o'], action: "Open the paper's main link" },
  { keys: ['Ctrl/Cmd+Shift+V'], action: 'Import the clipboard as a digest' },
  { keys: ['Ctrl/Cmd +', 'Ctrl/Cmd -', 'Ctrl/Cmd 0'], action: 'Larger / smaller / default text in the reader' },
  { keys: ['?'], action: 'Show these keys' }
]
