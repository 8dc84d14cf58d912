// Exposes `window.dogear`, built from the shared contract, and nothing else: the page never
// sees ipcRenderer. Sandboxed preloads are bundled into one CommonJS file (zod included).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { createApi, type AppEvent, type DogearApi, type Envelope } from '../shared/api'
import { EVENT_CHANNEL, GRANT_FILE_CHANNEL, INVOKE_CHANNEL } from '../shared/ipc-channels'

function invoke(operation: string, args: unknown): Promise<Envelope<unknown>> {
  return ipcRenderer.invoke(INVOKE_CHANNEL, operation, args)
}

function subscribe(listener: (event: AppEvent) => void): () => void {
  const relay = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload)
  ipcRenderer.on(EVENT_CHANNEL, relay)
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, relay)
  }
}

const api: DogearApi = {
  ...createApi(invoke, subscribe),
  // Only a File the reader dropped has a path (a File the page made has none), so the page can
  // get tokens for the reader's files only; main keeps the path and hands back the token.
  tokenForFile: async (file) => {
    const path = webUtils.getPathForFile(file)
    return path ? ((await ipcRenderer.invoke(GRANT_FILE_CHANNEL, path)) as string) : ''
  }
}

contextBridge.exposeInMainWorld('dogear', api)
