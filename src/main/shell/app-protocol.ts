// Serves app://dogear/ from the built renderer folder. Which file a URL may name is decided
// by resolveAppFile (app-scheme.ts); this only reads it. Electron's protocol comes in as a
// small interface so the fake-electron test can call the handler.
import { readFile } from 'node:fs/promises'
import { APP_SCHEME, appResponseHeaders, resolveAppFile } from './app-scheme'
import { APP_CSP } from './security'

export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

export function appSchemeHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 })
    const file = resolveAppFile(request.url, rendererDir)
    if (!file) return notFound()
    try {
      const body = await readFile(file.path)
      return new Response(request.method === 'HEAD' ? null : body, { headers: appResponseHeaders(file, APP_CSP) })
    } catch {
      return notFound()
    }
  }
}

export function serveAppScheme(protocol: ProtocolLike, rendererDir: string): void {
  protocol.handle(APP_SCHEME, appSchemeHandler(rendererDir))
}
