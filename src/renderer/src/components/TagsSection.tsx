// The Tags heading of the Sources pane: each tag with its paper count; a click lists its papers.
import { useStore } from 'zustand'
import { useDogear } from '../context'
import { SourceButton } from './SourceButton'

export function TagsSection() {
  const dogear = useDogear()
  const tags = useStore(dogear.sources, (s) => s.tags)
  if (tags.length === 0) return null
  return (
    <section aria-labelledby="sources-tags-heading">
      <h2 className="sources-heading" id="sources-tags-heading">
        Tags
      </h2>
      <ul className="source-list">
        {tags.map((tag) => (
          <SourceButton key={tag.id} filter={{ kind: 'tag', tagId: tag.id }} label={tag.name} count={tag.count} />
        ))}
      </ul>
    </section>
  )
}

/** The Trash entry at the foot of the Sources pane. */
export function TrashSource() {
  const dogear = useDogear()
  const active = useStore(dogear.selection, (s) => s.view === 'trash')
  return (
    <ul className="source-list trash-source">
      <li>
        <button
          type="button"
          className={active ? 'source active' : 'source'}
          aria-current={active ? 'page' : undefined}
          onClick={() => void dogear.showTrash()}
        >
          <span className="source-label">Trash</span>
        </button>
      </li>
    </ul>
  )
}
