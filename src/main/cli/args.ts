// The command line's grammar: which commands exist, which options each takes, and how
// argv becomes a checked request. Pure, so every rule is unit-tested without a process.

export type FlagKind = 'boolean' | 'value'

export interface CommandSpec {
  name: string
  usage: string
  summary: string
  flags: Record<string, FlagKind>
  /** Fewest and most positional arguments (Infinity: any number). */
  positionals: [min: number, max: number]
  /**
   * Only commands that add to the library may create one where none is; every other command
   * given a path with no library says so and creates nothing (a mistyped --db).
   */
  createsLibrary?: true
  /** Positionals are a search query: a word starting with `-` that is no option of the command is part of it. */
  queryPositionals?: boolean
}

const LIST_FLAGS: Record<string, FlagKind> = {
  unread: 'boolean',
  starred: 'boolean',
  'has-code': 'boolean',
  digest: 'value',
  search: 'value',
  tag: 'value',
  revised: 'boolean',
  limit: 'value',
  offset: 'value',
  sort: 'value',
  'json-page': 'boolean'
}

const SPECS: CommandSpec[] = [
  {
    name: 'import',
    usage: 'import FILE... [--format NAME] [--date YYYY-MM-DD] [--groups-as-tags]',
    summary: 'import digest files (the format is detected unless given)',
    flags: { format: 'value', date: 'value', 'groups-as-tags': 'boolean' },
    positionals: [1, Infinity],
    createsLibrary: true
  },
  {
    name: 'list',
    usage:
      'list [--unread|--starred|--has-code|--revised|--digest ID|--tag NAME] [--search NAME] [--limit N] [--sort position|date|title|seen|recommended]',
    summary: 'list papers',
    flags: LIST_FLAGS,
    positionals: [0, 0]
  },
  {
    name: 'show',
    usage: 'show ID',
    summary: 'show one paper',
    flags: {},
    positionals: [1, 1]
  },
  {
    name: 'search',
    usage: 'search QUERY [--limit N] [--sort relevance|date|title|position]   (QUERY syntax: see the README)',
    summary: 'search titles, authors, abstracts, notes and fields ("title:survey is:unread -diffusion")',
    flags: { limit: 'value', offset: 'value', sort: 'value', 'json-page': 'boolean' },
    positionals: [1, Infinity],
    queryPositionals: true
  },
  {
    name: 'save-search',
    usage: 'save-search NAME QUERY   (replaces a saved search of the same name)',
    summary: 'save a search as a smart list',
    flags: {},
    positionals: [2, Infinity],
    queryPositionals: true
  },
  {
    name: 'saved-searches',
    usage: 'saved-searches',
    summary: 'list saved searches with their queries and unread counts',
    flags: {},
    positionals: [0, 0]
  },
  {
    name: 'delete-search',
    usage: 'delete-search NAME',
    summary: 'delete a saved search',
    flags: {},
    positionals: [1, 1]
  },
  {
    name: 'recommend',
    usage: 'recommend [--limit N]',
    summary: 'unread papers most like the starred ones, each with its reason',
    flags: { limit: 'value' },
    positionals: [0, 0]
  },
  {
    name: 'related',
    usage: 'related ID [--limit N]',
    summary: 'the papers closest to one paper',
    flags: { limit: 'value' },
    positionals: [1, 1]
  },
  {
    name: 'split',
    usage: 'split ID [--digest DIGEST_ID]',
    summary: "split a wrong merge: the digest's entry becomes a paper of its own",
    flags: { digest: 'value' },
    positionals: [1, 1]
  },
  stateSpec('read', 'mark papers read'),
  stateSpec('unread', 'mark papers unread'),
  stateSpec('star', 'star papers'),
  stateSpec('unstar', 'remove stars'),
  {
    name: 'note',
    usage: 'note ID TEXT   (TEXT "-" reads the note from stdin; an empty note removes it)',
    summary: 'write the note of a paper',
    flags: {},
    positionals: [2, Infinity]
  },
  {
    name: 'tag',
    usage: 'tag NAME ID...',
    summary: 'tag papers (a new name creates the tag; names ignore case)',
    flags: {},
    positionals: [2, Infinity]
  },
  {
    name: 'untag',
    usage: 'untag NAME ID...',
    summary: 'remove a tag from papers',
    flags: {},
    positionals: [2, Infinity]
  },
  {
    name: 'tags',
    usage: 'tags | tags rename OLD NEW (onto an existing name: merge) | tags delete NAME',
    summary: 'list tags with their paper counts, rename, merge or delete them',
    flags: {},
    positionals: [0, 3]
  },
  {
    name: 'delete',
    usage: 'delete ID... | delete --digest ID',
    summary: 'move papers to the trash, or delete a digest (papers only it lists go to the trash)',
    flags: { digest: 'value' },
    positionals: [0, Infinity]
  },
  {
    name: 'trash',
    usage: 'trash | trash --restore ID... | trash --restore-digest ID | trash --empty',
    summary: 'list the trash, restore papers or digests from it, or empty it',
    flags: { restore: 'boolean', 'restore-digest': 'value', empty: 'boolean' },
    positionals: [0, Infinity]
  },
  {
    name: 'digests',
    usage: 'digests',
    summary: 'list imported digests with reading progress',
    flags: {},
    positionals: [0, 0]
  },
  {
    name: 'stats',
    usage: 'stats [--days N]',
    summary: 'reading statistics',
    flags: { days: 'value' },
    positionals: [0, 0]
  },
  {
    name: 'sync',
    usage: 'sync [FOLDER] [--device NAME] | sync --status',
    summary: 'sync with the other devices through a folder your file-sync engine syncs',
    flags: { device: 'value', status: 'boolean' },
    positionals: [0, 1],
    // A new device joins by syncing: the changes of the others fill its new library.
    createsLibrary: true
  },
  {
    name: 'export',
    usage:
      'export --format bibtex|ris|csl-json|markdown|json [--starred] [--unread] [--tag NAME] [--digest ID] [--search QUERY] [--out FILE | --out FOLDER --per-paper] [ID...]',
    summary: 'write papers as BibTeX, RIS, CSL-JSON, Markdown or Dogear JSON (stdout without --out)',
    flags: {
      format: 'value',
      starred: 'boolean',
      unread: 'boolean',
      tag: 'value',
      digest: 'value',
      search: 'value',
      out: 'value',
      'per-paper': 'boolean'
    },
    positionals: [0, Infinity]
  },
  {
    name: 'backup',
    usage: 'backup FILE',
    summary: 'copy the library to FILE (SQLite online backup, verified)',
    flags: {},
    positionals: [1, 1]
  },
  {
    name: 'restore',
    usage: 'restore FILE   (close the app first; the current library is kept as a dated copy)',
    summary: 'replace the library with a backup, after checking it',
    flags: {},
    positionals: [1, 1],
    createsLibrary: true
  },
  {
    name: 'formats',
    usage: 'formats',
    summary: 'list the digest formats Dogear reads',
    flags: {},
    positionals: [0, 0]
  },
  {
    name: 'help',
    usage: 'help [COMMAND]',
    summary: 'show this help',
    flags: {},
    positionals: [0, 1]
  }
]

function stateSpec(name: string, summary: string): CommandSpec {
  return { name, usage: `${name} ID...`, summary, flags: {}, positionals: [1, Infinity] }
}

export const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map(SPECS.map((spec) => [spec.name, spec]))

/** Options every command takes. */
const GLOBAL_FLAGS: Record<string, FlagKind> = { db: 'value', json: 'boolean', help: 'boolean', version: 'boolean' }

export interface ParsedArgs {
  command: string
  positionals: string[]
  flags: Map<string, string | true>
  db: string | undefined
  json: boolean
}

/** A mistake in how the command was typed: exit code 2, with the usage line. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string | null = null
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>()
  const words: string[] = []
  let command: CommandSpec | null = null
  let onlyPositionals = false

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (onlyPositionals || !arg.startsWith('-') || arg === '-' || isQueryWord(command, arg)) {
      if (command === null && words.length === 0) command = commandNamed(arg)
      else words.push(arg)
      continue
    }
    if (arg === '--') {
      onlyPositionals = true
      continue
    }
    if (arg === '-h') {
      flags.set('help', true)
      continue
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option "${arg}"`, command?.name ?? null)
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    const kind = GLOBAL_FLAGS[name] ?? command?.flags[name]
    if (kind === undefined) {
      const where = command ? ` for "${command.name}"` : ''
      throw new UsageError(`unknown option "--${name}"${where}`, command?.name ?? null)
    }
    if (kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`the option "--${name}" takes no value`, command?.name ?? null)
      flags.set(name, true)
      continue
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i]
    if (value === undefined || value === '') {
      throw new UsageError(`the option "--${name}" needs a value`, command?.name ?? null)
    }
    flags.set(name, value)
  }

  const db = flags.get('db')
  const json = flags.get('json') === true
  flags.delete('db')
  flags.delete('json')
  if (flags.get('version') === true)
    return { command: 'version', positionals: [], flags: new Map(), db: undefined, json }
  if (flags.get('help') === true || command === null) {
    return { command: 'help', positionals: command ? [command.name] : [], flags: new Map(), db: undefined, json }
  }
  const [min, max] = command.positionals
  if (words.length < min) throw new UsageError(missingMessage(command), command.name)
  if (words.length > max) throw new UsageError(`too many arguments for "${command.name}"`, command.name)
  return { command: command.name, positionals: words, flags, db: typeof db === 'string' ? db : undefined, json }
}

/** `-survey` after `search` is a query word, not an option; `--limit` stays an option. */
function isQueryWord(command: CommandSpec | null, arg: string): boolean {
  if (!command?.queryPositionals || arg === '--' || arg === '-h') return false
  if (!arg.startsWith('--')) return true
  const name = arg.slice(2).split('=')[0]!
  return GLOBAL_FLAGS[name] === undefined && command.flags[name] === undefined
}

function commandNamed(word: string): CommandSpec {
  const spec = COMMANDS.get(word)
  if (!spec) throw new UsageError(`unknown command "${word}"`)
  return spec
}

function missingMessage(spec: CommandSpec): string {
  if (spec.name === 'import') return 'import needs at least one FILE'
  if (spec.name === 'search') return 'search needs a QUERY'
  if (spec.name === 'save-search') return 'save-search needs a NAME and a QUERY'
  if (spec.name === 'delete-search') return 'delete-search needs the NAME of a saved search'
  if (spec.name === 'note') return 'note needs an ID and a TEXT (or "-" to read stdin)'
  if (spec.name === 'backup' || spec.name === 'restore') return `${spec.name} needs a FILE`
  if (spec.name === 'tag' || spec.name === 'untag') return `${spec.name} needs a tag NAME and at least one paper ID`
  return `${spec.name} needs a paper ID`
}

/** A paper or digest id: a positive whole number. */
export function parseId(text: string, what = 'paper id'): number {
  if (!/^[1-9]\d{0,14}$/.test(text)) throw new UsageError(`"${text}" is not a ${what} (a positive whole number)`)
  return Number(text)
}

export function parseCount(text: string, option: string, min = 1): number {
  if (!/^\d{1,9}$/.test(text) || Number(text) < min) {
    throw new UsageError(`--${option} needs a whole number of at least ${min}, not "${text}"`)
  }
  return Number(text)
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name)
  return typeof value === 'string' ? value : undefined
}

export function booleanFlag(args: ParsedArgs, name: string): boolean {
  return args.flags.get(name) === true
}

export function usageText(): string {
  const width = Math.max(...SPECS.map((spec) => spec.name.length))
  const lines = [
    'dogear: an offline reading list for research-paper digests',
    '',
    'Usage: dogear COMMAND [ARGS] [--json] [--db PATH]',
    '',
    'Commands:',
    ...SPECS.map((spec) => `  ${spec.name.padEnd(width)}  ${spec.summary}`),
    '',
    'Options for every command:',
    '  --json      print exactly one JSON value on stdout',
    "  --db PATH   use this library file (also DOGEAR_DB); default: the app's library",
    '  --version   print the version of Dogear',
    '',
    'Run "dogear help COMMAND" for the options of one command.'
  ]
  return lines.join('\n')
}

export function commandUsage(name: string): string {
  const spec = COMMANDS.get(name)
  if (!spec) return usageText()
  return `Usage: dogear ${spec.usage}\n\n${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`
}
