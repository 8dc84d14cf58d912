// Binds the handler table to one IPC channel. The sender is checked before anything is
// parsed; `dispatch` then validates the arguments before a handler runs. ipcMain is passed
// in (not imported) so a unit test can drive this with a fake.
import type { AppEvent, Envelope, Handlers } from '../../shared/api'
import { dispatch } from '../dispatch'
import { EVENT_CHANNEL, GRANT_FILE_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc-channels'
import type { FileGrants } from '../file-grants'
import { isTrustedSender } from './security'

export { EVENT_CHANNEL, GRANT_FILE_CHANNEL, INVOKE_CHANNEL }

/** The parts of Electron's IpcMainInvokeEvent this module reads. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export interface IpcBinding {
  /** Resolves once every call that has arrived so far is answered (used before quitting). */
  idle(): Promise<void>
  dispose(): void
}

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Calls are answered only for the Dogear window.' }
}

/** Only the app page's top frame may call: not an iframe, not a page the window navigated to. */
export function isTrustedEvent(event: InvokeEventLike, appUrl: string): boolean {
  const frame = event.senderFrame
  return frame !== null && frame.parent === null && isTrustedSender(frame.url, appUrl)
}

/** A token for a path the preload resolved from a dropped File; '' for anything else. */
function grantFile(files: FileGrants, path: unknown): string {
  if (typeof path !== 'string' || path.length === 0 || path.length > 4096) return ''
  try {
    return files.grant(path)
  } catch {
    return ''
  }
}

export function bindIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  appUrl: () => string,
  files?: FileGrants
): IpcBinding {
  const pending = new Set<Promise<Envelope<unknown>>>()
  if (files) {
    ipcMain.handle(GRANT_FILE_CHANNEL, async (event, path) =>
      isTrustedEvent(event, appUrl()) ? grantFile(files, path) : ''
    )
  }
  ipcMain.handle(INVOKE_CHANNEL, async (event, operation, args) => {
    if (!isTrustedEvent(event, appUrl())) return FORBIDDEN
    const call = dispatch(handlers, operation, args)
    pending.add(call)
    try {
      return await call
    } finally {
      pending.delete(call)
    }
  })
  return {
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending])
    },
    dispose() {
      ipcMain.removeHandler(INVOKE_CHANNEL)
      if (files) ipcMain.removeHandler(GRANT_FILE_CHANNEL)
    }
  }
}

/** The parts of WebContents used to push events. */
export interface EventSink {
  isDestroyed(): boolean
  send(channel: string, payload: AppEvent): void
}

export function sendEvent(target: EventSink | null | undefined, event: AppEvent): void {
  if (target && !target.isDestroyed()) target.send(EVENT_CHANNEL, event)
}
