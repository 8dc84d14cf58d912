// What a query understood, in words, for the search field and the CLI:
// `title: survey · unread · excluding 'diffusion'`. Pure.
import type { Correction, QueryNode, TextField } from './ast'

const FIELD_LABEL: Record<TextField, string> = {
  title: 'title',
  author: 'author',
  abstract: 'abstract',
  note: 'note'
}

function textLabel(node: Extract<QueryNode, { kind: 'text' }>): string {
  const words = node.words.join(' ') + (node.prefix ? '…' : '')
  const shown = node.phrase ? `"${words}"` : `'${words}'`
  return node.field === null ? shown : `${FIELD_LABEL[node.field]}: ${shown}`
}

function describeNode(node: QueryNode, nested: boolean): string {
  switch (node.kind) {
    case 'and': {
      const text = node.children.map((child) => describeNode(child, true)).join(' and ')
      return nested ? `(${text})` : text
    }
    case 'or': {
      const text = node.children.map((child) => describeNode(child, true)).join(' or ')
      return nested ? `(${text})` : text
    }
    case 'not':
      return `excluding ${describeNode(node.child, true)}`
    case 'text':
      return textLabel(node)
    case 'state':
      return node.state
    case 'has':
      return `has ${node.what}`
    case 'date':
      return node.label
    case 'arxiv':
      return `arXiv ${node.id}`
    case 'doi':
      return `DOI ${node.doi}`
    case 'label':
      return `${node.taxonomy}: ${node.name}`
    case 'digest':
      return node.id !== null ? `digest ${node.id}` : `digest: ${node.words.join(' ')}`
  }
}

/** The parts of a query, one per condition that all must hold. Empty for an empty query. */
export function describeQuery(root: QueryNode | null): string[] {
  if (root === null) return []
  if (root.kind === 'and') return root.children.map((child) => describeNode(child, false))
  return [describeNode(root, false)]
}

/** "No papers for 'tranformer'; showing 'transformer'". */
export function correctionNotice(corrections: readonly Correction[]): string | null {
  if (corrections.length === 0) return null
  const quote = (words: string[]): string => words.map((word) => `'${word}'`).join(', ')
  return `No papers for ${quote(corrections.map((c) => c.word))}; showing ${quote(corrections.map((c) => c.replacement))}`
}
