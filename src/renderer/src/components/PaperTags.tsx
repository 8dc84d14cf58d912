// The open paper's tags (the reader's: a click lists the tag's papers, ✕ removes it, "Add Tag"
// opens the picker) and its subjects (the sources' own keywords, shown as they came).
import { useStore } from 'zustand'
import type { PaperDetail } from '../../../shared/model'
import { useDogear } from '../context'
import { quotedTitle } from '../actions/selected'

export function PaperTags({ paper }: { paper: PaperDetail }) {
  const dogear = useDogear()
  const tags = useStore(dogear.sources, (s) => s.tags)
  const idOf = (name: string) => tags.find((t) => t.name.toLowerCase() === name.toLowerCase())?.id
  return (
    <div className="paper-tags">
      <ul className="tag-chips" aria-label="Tags">
        {paper.tags.map((name) => (
          <li key={name} className="tag-chip">
            <button
              type="button"
              className="link-like"
              title={`Papers tagged ${name}`}
              onClick={() => {
                const id = idOf(name)
                if (id !== undefined) void dogear.setFilter({ kind: 'tag', tagId: id })
              }}
            >
              {name}
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove tag ${name}`}
              onClick={() => void dogear.untagPaper(paper.id, name)}
            >
              ✕
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="link-like small"
            title="Tag (t)"
            onClick={() => dogear.openTagPicker({ ids: [paper.id] }, quotedTitle(paper.title))}
          >
            Add Tag…
          </button>
        </li>
      </ul>
      {paper.subjects.length > 0 && (
        <p className="paper-subjects small">
          <span className="muted">Subjects: </span>
          {paper.subjects.join(', ')}
        </p>
      )}
    </div>
  )
}
