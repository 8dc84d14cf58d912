// What every group of actions shares: the api and the stores.
import type { RendererApi } from '../api'
import type { PapersStore } from '../stores/papers'
import type { PickedStore } from '../stores/picked'
import type { ReaderStore } from '../stores/reader'
import type { SelectionStore } from '../stores/selection'
import type { SourcesStore } from '../stores/sources'
import type { UiStore } from '../stores/ui'

export interface Stores {
  selection: SelectionStore
  papers: PapersStore
  /** The list's multi-selection (lib/multiSelect.ts). */
  picked: PickedStore
  reader: ReaderStore
  sources: SourcesStore
  ui: UiStore
}

export interface ActionContext extends Stores {
  api: RendererApi
}

let serial = 0

export function say(ctx: ActionContext, text: string, kind: 'info' | 'error' = 'info'): void {
  ctx.ui.setState({ status: { text, kind, serial: ++serial } })
}
