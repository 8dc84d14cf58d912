// The one way to say that something was not imported: a report naming it, a code and a message.
import type { ImportFileReport } from '../../shared/model'

export function notImported(file: string, code: string, message: string): ImportFileReport {
  return { ok: false, file, error: { code, message } }
}
