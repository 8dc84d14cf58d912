// Context menus on papers and digests: opened by right-click, the context-menu key or
// Shift+F10; each command runs the same action as its button or key.
import type { PaperTarget } from '../../../shared/model'
import { errorMessage } from '../api'
import { isPicked, isPicking, pickedCount } from '../lib/multiSelect'
import type { MenuCommand, MenuSubject } from '../lib/menuItems'
import { rowAt } from '../lib/pageCache'
import type { Row } from '../stores/papers'
import { say, type ActionContext } from './context'
import type { BulkActions } from './bulk'
import type { PickingActions } from './picking'
import type { TagActions } from './tags'
import type { TrashActions } from './trash'
import { plural, quotedTitle } from './selected'

export interface MenuHooks {
  markDigestsRead(ids: number[], name: string): Promise<void>
  exportPapers(target: PaperTarget | null): Promise<void>
  exportDigest(digestId: number): Promise<unknown>
}

export function createMenuActions(
  ctx: ActionContext,
  picking: PickingActions,
  bulk: BulkActions,
  tags: TagActions,
  trash: TrashActions,
  hooks: MenuHooks
) {
  /** A paper's menu; on a paper of the multi-selection it is the selection's menu. */
  function paperSubject(row: Row): MenuSubject {
    const picked = ctx.picked.getState()
    if (isPicking(picked) && isPicked(picked, row.id)) {
      const count = pickedCount(picked, ctx.papers.getState().total)
      return { kind: 'papers', paperId: null, what: plural(count, 'paper'), read: null, starred: null }
    }
    return { kind: 'papers', paperId: row.id, what: quotedTitle(row.title), read: row.read, starred: row.starred }
  }

  function openMenu(subject: MenuSubject, x: number, y: number, returnFocusTo: HTMLElement | null): void {
    ctx.ui.setState({ menu: { subject, x, y, returnFocusTo } })
  }

  function openPaperMenu(row: Row, x: number, y: number, returnFocusTo: HTMLElement | null): void {
    openMenu(paperSubject(row), x, y, returnFocusTo)
  }

  /** The context-menu key / Shift+F10 in the list: the menu of the open paper (or the selection), at its row. */
  function openMenuForSelection(): void {
    const { selectedId, selectedIndex } = ctx.selection.getState()
    const row = selectedIndex !== null ? rowAt(ctx.papers.getState().cache, selectedIndex) : undefined
    if (selectedId === null || !row) {
      say(ctx, 'Select a paper first.')
      return
    }
    const element = document.getElementById(`paper-${row.id}`)
    const box = element?.getBoundingClientRect()
    openMenu(
      paperSubject(row),
      box ? box.left + 24 : 80,
      box ? box.bottom : 80,
      document.activeElement as HTMLElement | null
    )
  }

  function closeMenu(): void {
    const menu = ctx.ui.getState().menu
    ctx.ui.setState({ menu: null })
    menu?.returnFocusTo?.focus()
  }

  async function reveal(of: { digestId: number } | { paperId: number }): Promise<void> {
    try {
      await ctx.api.revealSource(of)
    } catch (error) {
      say(ctx, errorMessage(error), 'error')
    }
  }

  async function runCommand(subject: MenuSubject, command: MenuCommand): Promise<void> {
    closeMenu()
    if (subject.kind === 'digest') {
      if (command === 'reveal') return reveal({ digestId: subject.digestId })
      if (command === 'deleteDigest') return void (await trash.deleteDigest(subject.digestId, subject.title))
      if (command === 'markDigestRead') return hooks.markDigestsRead([subject.digestId], subject.title)
      if (command === 'export') return void (await hooks.exportDigest(subject.digestId))
      return
    }
    const target = subject.paperId === null ? picking.currentTarget() : { ids: [subject.paperId] }
    switch (command) {
      case 'markRead':
      case 'markUnread':
        return bulk.act({ kind: 'read', value: command === 'markRead' }, target)
      case 'star':
      case 'unstar':
        return bulk.act({ kind: 'star', value: command === 'star' }, target)
      case 'trash':
        return bulk.act({ kind: 'trash' }, target)
      case 'tag':
        return tags.openTagPicker(target, subject.what)
      case 'reveal':
        return subject.paperId === null ? undefined : reveal({ paperId: subject.paperId })
      case 'export':
        return hooks.exportPapers(target)
    }
  }

  return { openPaperMenu, openMenu, openMenuForSelection, closeMenu, runCommand }
}

export type MenuActions = ReturnType<typeof createMenuActions>
