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

/** The most of a caller's text (an operation name, an error) an answer repeats. */
const ECHO_LIMIT = 100
const MESSAGE_LIMIT = 1000
const ISSUES_SHOWN = 5

/** `text` cut to `limit` characters, saying how long it was: a 1 MB name is not echoed whole. */
export function bounded(text: string, limit: number): string {
  if (text.length <= limit) return text
  return `${text.slice(0, limit)}… (${text.length.toLocaleString('en-US')} characters)`
}

export async function dispatch(handlers: Handlers, operation: unknown, rawArgs: unknown): Promise<Envelope<unknown>> {
  if (typeof operation !== 'string' || !isOperation(operation)) {
    const name = bounded(String(operation), ECHO_LIMIT)
    return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Unknown operation: ${name}` } }
  }
  const parsed = contract[operation].args.safeParse(rawArgs)
  if (!parsed.success) {
    const { issues } = parsed.error
    const shown = issues
      .slice(0, ISSUES_SHOWN)
      .map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`)
    if (issues.length > ISSUES_SHOWN) shown.push(`and ${issues.length - ISSUES_SHOWN} more problems`)
    const message = bounded(`${operation}: ${shown.join('; ')}`, MESSAGE_LIMIT)
    return { ok: false, error: { code: 'INVALID_ARGUMENT', message } }
  }
  try {
    // The validator above proved the argument's shape; TypeScript cannot relate the union of handlers to it.
    const handler = handlers[operation] as (args: unknown) => unknown
    const value = await handler(parsed.data)
    return { ok: true, value: value === undefined ? null : value }
  } catch (error) {
    return { ok: false, error: { code: errorCode(error), message: bounded(messageOf(error), MESSAGE_LIMIT) } }
  }
}
