// What a context menu offers, as a pure function of what it was opened on.

/** What a context menu was opened on. */
export type MenuSubject =
  | {
      kind: 'papers'
      /** The one paper (its id), or null for the multi-selection. */
      paperId: number | null
      /** "“A title”" or "12 papers". */
      what: string
      /** The one paper's state; null for several (both choices are offered). */
      read: boolean | null
      starred: boolean | null
    }
  | { kind: 'digest'; digestId: number; title: string; unread: number }

export type MenuCommand =
  | 'markRead'
  | 'markUnread'
  | 'star'
  | 'unstar'
  | 'tag'
  | 'export'
  | 'trash'
  | 'reveal'
  | 'deleteDigest'
  | 'markDigestRead'

export interface MenuItem {
  command: MenuCommand
  label: string
}

export function menuItems(subject: MenuSubject, options: { canExport: boolean }): MenuItem[] {
  const items: MenuItem[] = []
  const exportItem: MenuItem[] = options.canExport ? [{ command: 'export', label: 'Export…' }] : []
  if (subject.kind === 'digest') {
    if (subject.unread > 0) items.push({ command: 'markDigestRead', label: 'Mark All Read' })
    items.push(...exportItem)
    items.push({ command: 'reveal', label: 'Reveal Source File' })
    items.push({ command: 'deleteDigest', label: 'Delete Digest' })
    return items
  }
  if (subject.read !== true) items.push({ command: 'markRead', label: 'Mark Read' })
  if (subject.read !== false) items.push({ command: 'markUnread', label: 'Mark Unread' })
  if (subject.starred !== true) items.push({ command: 'star', label: 'Star' })
  if (subject.starred !== false) items.push({ command: 'unstar', label: 'Unstar' })
  items.push({ command: 'tag', label: 'Tag…' })
  items.push(...exportItem)
  items.push({ command: 'trash', label: 'Move to Trash' })
  if (subject.paperId !== null) items.push({ command: 'reveal', label: 'Reveal Source File' })
  return items
}
