// The tag picker (`t`): type a tag, with completion from the tags in use; Enter adds it to the
// paper or the selection. One paper's own tags can be removed here too.
import { useState } from 'react'
import { useStore } from 'zustand'
import { useDogear } from '../context'
import { tagSuggestions } from '../lib/tagSuggestions'
import { Dialog } from './Dialog'

export function TagPickerDialog({ onClose }: { onClose: () => void }) {
  const dogear = useDogear()
  const request = useStore(dogear.ui, (s) => s.tagPicker)
  const tags = useStore(dogear.sources, (s) => s.tags)
  const [text, setText] = useState('')
  const [active, setActive] = useState(-1)
  if (!request) return null
  const suggestions = tagSuggestions(text, tags, request.tags)
  const chosen = active >= 0 ? (suggestions[active]?.name ?? text) : text
  const apply = (name: string, remove = false) => {
    if (!name.trim()) return
    onClose()
    void dogear.applyTag(name.trim(), remove)
  }
  return (
    <Dialog title={`Tag ${request.what}`} onClose={onClose}>
      <form
        className="tag-picker"
        onSubmit={(event) => {
          event.preventDefault()
          apply(chosen)
        }}
      >
        <label htmlFor="tag-picker-input">Tag</label>
        <input
          id="tag-picker-input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={suggestions.length > 0}
          aria-controls="tag-picker-suggestions"
          aria-activedescendant={active >= 0 ? `tag-suggestion-${active}` : undefined}
          autoComplete="off"
          autoFocus
          maxLength={64}
          value={text}
          onChange={(event) => {
            setText(event.target.value)
            setActive(-1)
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault()
              const step = event.key === 'ArrowDown' ? 1 : -1
              setActive((i) => Math.max(-1, Math.min(suggestions.length - 1, i + step)))
            } else if (event.key === 'Tab' && suggestions.length > 0 && !event.shiftKey) {
              event.preventDefault()
              setText(suggestions[Math.max(0, active)]!.name)
              setActive(-1)
            }
          }}
        />
        <ul id="tag-picker-suggestions" role="listbox" aria-label="Tags in use" className="tag-suggestions">
          {suggestions.map((tag, i) => (
            <li
              key={tag.id}
              id={`tag-suggestion-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => apply(tag.name)}
            >
              {tag.name} <span className="count">{tag.count.toLocaleString('en-US')}</span>
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" onClick={() => apply(chosen, true)} disabled={!chosen.trim()}>
            Remove Tag
          </button>
          <button type="submit" className="primary" disabled={!chosen.trim()}>
            Add Tag
          </button>
        </div>
      </form>
      {request.tags.length > 0 && (
        <div className="tag-picker-current">
          <h3>Tags of this paper</h3>
          <ul className="tag-chips">
            {request.tags.map((name) => (
              <li key={name} className="tag-chip">
                {name}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove tag ${name}`}
                  onClick={() => apply(name, true)}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  )
}
