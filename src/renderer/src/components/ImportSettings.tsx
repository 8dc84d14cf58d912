import { useStore } from 'zustand'
import { useDogear } from '../context'

/** How imports treat what a file says beyond its papers: JabRef groups become tags only when asked. */
export function ImportSettings() {
  const dogear = useDogear()
  const groupsAsTags = useStore(dogear.ui, (s) => s.settings.groupsAsTags)
  return (
    <fieldset className="settings-group">
      <legend>Importing</legend>
      <label className="radio">
        <input
          type="checkbox"
          checked={groupsAsTags}
          onChange={(event) => void dogear.updateSettings({ groupsAsTags: event.target.checked })}
        />
        Make BibTeX groups (JabRef, Zotero collections) tags
      </label>
      <p>Keywords are always kept as the paper&apos;s subjects; groups become your tags only with this on.</p>
    </fieldset>
  )
}
