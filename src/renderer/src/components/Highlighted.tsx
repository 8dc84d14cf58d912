import type { SnippetPart } from '../../../shared/model'

/** Search matches as <mark> elements; the text itself stays plain React text. */
export function Highlighted({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>{parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>
  )
}
