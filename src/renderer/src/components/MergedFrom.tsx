// In the reader: the digests' entries this paper was joined with by DOI or title, each with a
// button that splits a wrong merge off again.
import { useEffect, useState } from 'react'
import type { PaperMerge } from '../../../shared/model'
import { useDogear } from '../context'

export function MergedFrom({ paperId }: { paperId: number }) {
  const dogear = useDogear()
  const [merges, setMerges] = useState<{ id: number; list: PaperMerge[] } | null>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let current = true
    dogear.api
      .paperMerges({ id: paperId })
      .then((list) => current && setMerges({ id: paperId, list }))
      .catch(() => current && setMerges({ id: paperId, list: [] }))
    return () => {
      current = false
    }
  }, [dogear, paperId, version])
  if (!merges || merges.id !== paperId || merges.list.length === 0) return null
  return (
    <section className="merged-from small muted" aria-label="Merged from">
      {merges.list.map((merge) => (
        <p key={merge.id}>
          Merged with the entry of {merge.digestTitle} (same {merge.matchedBy === 'doi' ? 'DOI' : 'title'}, “
          {merge.title}”).{' '}
          <button
            type="button"
            className="link-like"
            onClick={() =>
              void dogear.splitMerge(paperId, merge.digestId, merge.digestTitle).then(() => setVersion((v) => v + 1))
            }
          >
            Split off {merge.digestTitle}
          </button>
        </p>
      ))}
    </section>
  )
}
