// Exposes `window.dogear`, built from the shared contract, and nothing else: the page never
// sees ipcRenderer. Sandboxed preloads are bundled into one CommonJS file (zod included).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { createApi, type AppEvent, type DogearApi, type Envelope } from '../shared/api'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/ipc-channels'

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
  // Dropped files carry no path in a sandboxed page; Electron resolves it here.
  pathForFile: (file) => webUtils.getPathForFile(file)
}

contextBridge.exposeInMainWorld('dogear', api)
