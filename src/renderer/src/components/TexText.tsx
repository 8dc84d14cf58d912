import katex from 'katex'
import { useEffect, useMemo, useRef } from 'react'
import { highlightTerms } from '../lib/highlightTerms'
import { splitTex } from '../lib/tex'
import { Highlighted } from './Highlighted'

/** One TeX segment, rendered by KaTeX (trust off) into an element React leaves alone. */
function MathSpan({ tex, display }: { tex: string; display: boolean }) {
  const ref = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    if (!ref.current) return
    katex.render(tex, ref.current, {
      displayMode: display,
      throwOnError: false,
      trust: false,
      output: 'html',
      strict: 'ignore',
      maxSize: 20,
      maxExpand: 200
    })
  }, [tex, display])
  return <span ref={ref} className={display ? 'math math-display' : 'math'} />
}

/**
 * Imported text with its TeX math rendered; everything outside math stays plain text, with
 * `terms` (the search's words) marked.
 */
export function TexText({ text, terms = [] }: { text: string; terms?: readonly string[] }) {
  const segments = useMemo(() => splitTex(text), [text])
  return (
    <>
      {segments.map((segment, i) =>
        segment.kind === 'text' ? (
          <span key={i}>
            {terms.length ? <Highlighted parts={highlightTerms(segment.text, terms)} /> : segment.text}
          </span>
        ) : (
          <MathSpan key={i} tex={segment.tex} display={segment.display} />
        )
      )}
    </>
  )
}
