import { describe, expect, it } from 'vitest'
import { KEY_HELP, commandFor, type KeyPress } from '../../../src/renderer/src/lib/keymap'

function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, inTextField: false, ...extra }
}

describe('keyboard map', () => {
  it.each([
    ['j', 'next'],
    ['ArrowDown', 'next'],
    ['k', 'previous'],
    ['ArrowUp', 'previous'],
    [' ', 'pageOrNextUnread'],
    ['n', 'nextUnread'],
    ['s', 'toggleStar'],
    ['m', 'toggleRead'],
    ['/', 'focusSearch'],
    ['e', 'editNote'],
    ['Enter', 'openMainLink'],
    ['o', 'openMainLink'],
    ['?', 'showKeys']
  ])('%s runs %s', (key, command) => {
    expect(commandFor(press(key))).toBe(command)
  })

  it('Shift+A marks all read; a plain a does nothing', () => {
    expect(commandFor(press('A', { shiftKey: true }))).toBe('markAllRead')
    expect(commandFor(press('a'))).toBeNull()
  })

  it('Ctrl+Z and Cmd+Z undo; Ctrl/Cmd+Shift+V pastes a digest', () => {
    expect(commandFor(press('z', { ctrlKey: true }))).toBe('undo')
    expect(commandFor(press('z', { metaKey: true }))).toBe('undo')
    expect(commandFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo')
    expect(commandFor(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo')
    expect(commandFor(press('y', { ctrlKey: true }))).toBe('redo')
    expect(commandFor(press('V', { ctrlKey: true, shiftKey: true }))).toBe('pasteDigest')
    expect(commandFor(press('V', { metaKey: true, shiftKey: true }))).toBe('pasteDigest')
    expect(commandFor(press('v', { ctrlKey: true }))).toBeNull()
  })

  it('never fires while typing in a field, except Esc to leave it', () => {
    for (const key of ['j', 'k', 's', 'm', ' ', '/', 'e', 'n', 'o', 'Enter', '?', 'A']) {
      expect(commandFor(press(key, { inTextField: true, shiftKey: key === 'A' }))).toBeNull()
    }
    expect(commandFor(press('z', { ctrlKey: true, inTextField: true }))).toBeNull()
    expect(commandFor(press('Escape', { inTextField: true }))).toBe('leaveField')
  })

  it('leaves keys with Ctrl or Alt alone (browser and system shortcuts)', () => {
    expect(commandFor(press('j', { ctrlKey: true }))).toBeNull()
    expect(commandFor(press('s', { altKey: true }))).toBeNull()
    expect(commandFor(press('r', { ctrlKey: true }))).toBeNull()
  })

  it('picks and acts on many papers: Shift+J/K, Ctrl/Cmd+A, t, Delete, the context-menu key', () => {
    expect(commandFor(press('J', { shiftKey: true }))).toBe('extendNext')
    expect(commandFor(press('K', { shiftKey: true }))).toBe('extendPrevious')
    expect(commandFor(press('ArrowDown', { shiftKey: true }))).toBe('extendNext')
    expect(commandFor(press('a', { ctrlKey: true }))).toBe('selectAll')
    expect(commandFor(press('a', { metaKey: true }))).toBe('selectAll')
    expect(commandFor(press('a', { ctrlKey: true, inTextField: true }))).toBeNull()
    expect(commandFor(press('t'))).toBe('tag')
    expect(commandFor(press('t', { inTextField: true }))).toBeNull()
    expect(commandFor(press('Delete'))).toBe('delete')
    expect(commandFor(press('ContextMenu'))).toBe('contextMenu')
    expect(commandFor(press('F10', { shiftKey: true }))).toBe('contextMenu')
    expect(commandFor(press('F10'))).toBeNull()
  })

  it('lists every key in the help', () => {
    const listed = KEY_HELP.flatMap((entry) => entry.keys).join(' ')
    for (const key of [
      'j',
      'k',
      'Space',
      'n',
      'm',
      's',
      'Shift+A',
      'Ctrl/Cmd+Z',
      '/',
      'e',
      'Esc',
      'Enter',
      'o',
      '?',
      't',
      'Shift+J',
      'Ctrl/Cmd+A',
      'Delete',
      'Shift+F10'
    ]) {
      expect(listed).toContain(key)
    }
  })
})
