// Validates and runs one call against the handler table. Plain Node: the IPC glue,
// the browser tests and the unit tests all go through this one function.
import { contract, type Envelope, type Handlers, type Operation } from '../shared/api'
import { messageOf } from '../shared/errors'

function isOperation(name: string): name is Operation {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code
  return 'INTERNAL'
}

export async function dispatch(handlers: Handlers, operation: unknown, rawArgs: unknown): Promise<Envelope<unknown>> {
  if (typeof operation !== 'string' || !isOperation(operation)) {
    return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Unknown operation: ${String(operation)}` } }
  }
  const parsed = contract[operation].args.safeParse(rawArgs)
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`)
      .join('; ')
    return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `${operation}: ${detail}` } }
  }
  try {
    // The validator above proved the argument's shape; TypeScript cannot relate the union of handlers to it.
    const handler = handlers[operation] as (args: unknown) => unknown
    const value = await handler(parsed.data)
    return { ok: true, value: value === undefined ? null : value }
  } catch (error) {
    const message = messageOf(error)
    return { ok: false, error: { code: errorCode(error), message } }
  }
}
