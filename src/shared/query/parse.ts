// Tokens -> the query tree. Pure and total: misplaced syntax is read as plain words
// (a stray `AND`, an `OR` with nothing on one side) or dropped (an unmatched `)`), and an
// unclosed `(` closes at the end. Nesting is bounded, so no input recurses deeply.
import type { QueryNode } from './ast'
import { lex, textNode, type Token } from './lex'

export const MAX_DEPTH = 8

function word(text: string): QueryNode {
  return textNode([text], false)
}

function startsOperand(token: Token | undefined): boolean {
  return token !== undefined && (token.type === 'operand' || token.type === 'open' || token.type === 'not')
}

/** An excluded word is excluded whole: it is not the prefix of what is being typed. */
function negate(node: QueryNode): QueryNode {
  if (node.kind === 'not') return node.child
  return { kind: 'not', child: node.kind === 'text' ? { ...node, prefix: false } : node }
}

function combine(kind: 'and' | 'or', parts: QueryNode[]): QueryNode | null {
  const flat = parts.flatMap((part) => (part.kind === kind ? part.children : [part]))
  if (flat.length === 0) return null
  if (flat.length === 1) return flat[0]!
  return { kind, children: flat }
}

class Parser {
  private index = 0
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset]
  }

  parseAll(): QueryNode | null {
    const parts: (QueryNode | null)[] = []
    while (this.index < this.tokens.length) {
      parts.push(this.parseOr(0))
      if (this.peek()?.type === 'close') this.index++ // a `)` that closes nothing
    }
    return combine(
      'and',
      parts.filter((part): part is QueryNode => part !== null)
    )
  }

  private parseOr(depth: number): QueryNode | null {
    const alternatives: QueryNode[] = []
    let current = this.parseAnd(depth)
    while (this.peek()?.type === 'or') {
      if (current === null || !startsOperand(this.peek(1))) {
        // `OR` with nothing before or after it is the word "OR".
        this.index++
        const rest = this.parseAnd(depth)
        current = combine(
          'and',
          [current, word('OR'), rest].filter((part): part is QueryNode => part !== null)
        )
        continue
      }
      this.index++
      alternatives.push(current)
      current = this.parseAnd(depth)
    }
    if (current !== null) alternatives.push(current)
    return combine('or', alternatives)
  }

  private parseAnd(depth: number): QueryNode | null {
    const parts: QueryNode[] = []
    for (;;) {
      const token = this.peek()
      if (token === undefined || token.type === 'close' || token.type === 'or') break
      if (token.type === 'and') {
        this.index++
        // Between two operands `AND` is what a space means already; anywhere else it is a word.
        if (parts.length === 0 || !startsOperand(this.peek())) parts.push(word('AND'))
        continue
      }
      const node = this.parseUnary(depth)
      if (node !== null) parts.push(node)
    }
    return combine('and', parts)
  }

  private parseUnary(depth: number): QueryNode | null {
    let negations = 0
    while (this.peek()?.type === 'not') {
      if (!startsOperand(this.peek(1))) {
        this.index++
        return word('NOT')
      }
      negations++
      this.index++
    }
    const node = this.parsePrimary(depth)
    if (node === null) return null
    return negations % 2 === 1 ? negate(node) : node
  }

  private parsePrimary(depth: number): QueryNode | null {
    const token = this.tokens[this.index++]!
    if (token.type === 'operand') return token.negated ? negate(token.node) : token.node
    if (token.type !== 'open') return null
    if (depth >= MAX_DEPTH) return null // too deep: the parenthesis is dropped, its words stay in this group
    const inner = this.parseOr(depth + 1)
    if (this.peek()?.type === 'close') this.index++
    if (inner === null) return null
    return token.negated ? negate(inner) : inner
  }
}

/** Reads what a reader typed. Null when there is nothing to search for. */
export function parseQuery(text: string): QueryNode | null {
  return new Parser(lex(text)).parseAll()
}
