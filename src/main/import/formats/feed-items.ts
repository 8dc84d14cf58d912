// Where a feed's items are, found without building its tree: one pass of the XML tokenizer
// records the root element and the offsets of each item (RSS `<item>`, Atom `<entry>`), so
// each item can be parsed on its own when its turn comes and let go afterwards. A large feed
// then never exists as one tree of every element at once.
import { Parser } from 'htmlparser2'

export interface ItemRange {
  /** `item` or `entry` (the local name, lower-cased). */
  name: string
  /** Inside the root's `<channel>` rather than right under the root. */
  inChannel: boolean
  start: number
  end: number
}

export interface FeedOutline {
  /** The root element's name as written (`rss`, `feed`, `rdf:RDF`), or null without one. */
  rootName: string | null
  /** The items of the root or of its `<channel>`, in document order. */
  items: ItemRange[]
}

function local(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1).toLowerCase()
}

/** The root and the item ranges of an XML feed (DOCTYPE already removed). */
export function feedOutline(xml: string): FeedOutline {
  const stack: string[] = []
  const items: ItemRange[] = []
  let rootName: string | null = null
  let open: (Omit<ItemRange, 'end'> & { depth: number }) | null = null
  const parser: Parser = new Parser(
    {
      onopentagname(name) {
        if (stack.length === 0 && rootName === null) rootName = name
        const depth = stack.length
        const here = local(name)
        // rss > channel > item, rss > item (RSS 0.9x), feed > entry, rdf:RDF > item.
        const underRoot = depth === 1 || (depth === 2 && stack[1] === 'channel')
        if (open === null && underRoot && (here === 'item' || here === 'entry'))
          open = { name: here, inChannel: depth === 2, start: parser.startIndex, depth }
        stack.push(here)
      },
      onclosetag() {
        stack.pop()
        if (open !== null && stack.length === open.depth) {
          items.push({ name: open.name, inChannel: open.inChannel, start: open.start, end: parser.endIndex + 1 })
          open = null
        }
      }
    },
    { xmlMode: true, decodeEntities: false }
  )
  parser.end(xml)
  const unclosed = open as (Omit<ItemRange, 'end'> & { depth: number }) | null
  if (unclosed !== null)
    items.push({ name: unclosed.name, inChannel: unclosed.inChannel, start: unclosed.start, end: xml.length })
  return { rootName, items }
}

/** The feed without its items: what is left is small (the channel's title, dates and links). */
export function withoutItems(xml: string, items: readonly ItemRange[]): string {
  const parts: string[] = []
  let at = 0
  for (const item of items) {
    parts.push(xml.slice(at, item.start))
    at = item.end
  }
  parts.push(xml.slice(at))
  return parts.join('')
}
