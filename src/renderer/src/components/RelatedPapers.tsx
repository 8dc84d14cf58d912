import { useEffect, useState } from 'react'
import type { RelatedPaper } from '../../../shared/model'
import { useDogear } from '../context'
import { formatDay } from '../lib/dates'

/** The 5 papers closest to the open one, each one click away. */
export function RelatedPapers({ paperId }: { paperId: number }) {
  const dogear = useDogear()
  const [related, setRelated] = useState<{ id: number; papers: RelatedPaper[] } | null>(null)
  useEffect(() => {
    let current = true
    dogear.api
      .relatedPapers({ id: paperId, limit: 5 })
      .then((papers) => current && setRelated({ id: paperId, papers }))
      .catch(() => current && setRelated({ id: paperId, papers: [] }))
    return () => {
      current = false
    }
  }, [dogear, paperId])
  if (!related || related.id !== paperId || related.papers.length === 0) return null
  return (
    <nav className="related-papers" aria-label="Related papers">
      <h2 className="small muted">Related papers</h2>
      <ul>
        {related.papers.map((paper) => (
          <li key={paper.id}>
            <button type="button" className="link-like" onClick={() => void dogear.openPaper(paper.id, null)}>
              {paper.title}
            </button>
            <span className="muted small">
              {paper.digestDate ? ` · ${formatDay(paper.digestDate)}` : ''}
              {paper.read ? ' · read' : ''}
              {paper.starred ? ' · ★' : ''}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  )
}
