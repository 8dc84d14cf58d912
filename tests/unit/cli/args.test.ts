import { describe, expect, it } from 'vitest'
import { commandUsage, parseArgs, parseCount, parseId, usageText, UsageError } from '../../../src/main/cli/args'

function usageError(argv: string[]): UsageError {
  try {
    parseArgs(argv)
  } catch (error) {
    if (error instanceof UsageError) return error
    throw error
  }
  throw new Error('expected a usage error')
}

describe('parseArgs', () => {
  it('reads a command, its files and options in any order', () => {
    const args = parseArgs([
      '--json',
      'import',
      'a.txt',
      '--format',
      'hf-text',
      'b.txt',
      '--date=2024-03-12',
      '--db',
      'x.sqlite'
    ])
    expect(args.command).toBe('import')
    expect(args.positionals).toEqual(['a.txt', 'b.txt'])
    expect(args.flags.get('format')).toBe('hf-text')
    expect(args.flags.get('date')).toBe('2024-03-12')
    expect(args.db).toBe('x.sqlite')
    expect(args.json).toBe(true)
  })

  it('keeps "-" and everything after "--" as arguments', () => {
    expect(parseArgs(['note', '3', '-']).positionals).toEqual(['3', '-'])
    expect(parseArgs(['search', '--', '--weird']).positionals).toEqual(['--weird'])
  })

  it('turns no command, help and --help into help', () => {
    expect(parseArgs([]).command).toBe('help')
    expect(parseArgs(['--help']).command).toBe('help')
    expect(parseArgs(['list', '--help'])).toMatchObject({ command: 'help', positionals: ['list'] })
    expect(parseArgs(['help', 'import'])).toMatchObject({ command: 'help', positionals: ['import'] })
  })

  it('names the problem in what was typed', () => {
    expect(usageError(['frobnicate']).message).toBe('unknown command "frobnicate"')
    expect(usageError(['list', '--colour']).message).toBe('unknown option "--colour" for "list"')
    expect(usageError(['list', '--limit']).message).toBe('the option "--limit" needs a value')
    expect(usageError(['list', '--unread=yes']).message).toBe('the option "--unread" takes no value')
    expect(usageError(['show']).message).toBe('show needs a paper ID')
    expect(usageError(['show', '1', '2']).message).toBe('too many arguments for "show"')
    expect(usageError(['import']).message).toBe('import needs at least one FILE')
    expect(usageError(['note', '3']).message).toMatch(/note needs an ID and a TEXT/)
    expect(usageError(['import', '-x']).message).toBe('unknown option "-x"')
  })
})

describe('numbers', () => {
  it('accepts positive ids only', () => {
    expect(parseId('42')).toBe(42)
    for (const bad of ['0', '-1', '1.5', 'abc', '', '01']) expect(() => parseId(bad)).toThrow(UsageError)
    expect(() => parseId('x', 'digest id')).toThrow('"x" is not a digest id (a positive whole number)')
  })

  it('checks counts against their minimum', () => {
    expect(parseCount('0', 'offset', 0)).toBe(0)
    expect(() => parseCount('0', 'limit')).toThrow('--limit needs a whole number of at least 1, not "0"')
  })
})

describe('help', () => {
  it('lists every command and the global options', () => {
    const text = usageText()
    for (const command of [
      'import',
      'list',
      'show',
      'search',
      'read',
      'unread',
      'star',
      'unstar',
      'note',
      'digests',
      'stats',
      'export',
      'tag',
      'untag',
      'tags',
      'delete',
      'trash',
      'formats',
      'formats',
      'recommend',
      'related'
    ]) {
      expect(text).toMatch(new RegExp(`^  ${command}\\s`, 'm'))
    }
    expect(text).toContain('--db PATH')
    expect(commandUsage('list')).toMatch(
      /^Usage: dogear list \[--unread\|--starred\|--has-code\|--revised\|--digest ID\|--tag NAME\]/
    )
  })
})
