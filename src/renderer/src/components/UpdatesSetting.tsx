import { useStore } from 'zustand'
import { useDogear } from '../context'

/** The updates switch: off, an installed Dogear never asks its release feed. */
export function UpdatesSetting() {
  const dogear = useDogear()
  const checkForUpdates = useStore(dogear.ui, (s) => s.settings.checkForUpdates)
  return (
    <fieldset className="settings-group">
      <legend>Updates</legend>
      <label className="radio">
        <input
          type="checkbox"
          checked={checkForUpdates}
          onChange={(event) => void dogear.updateSettings({ checkForUpdates: event.target.checked })}
        />
        Check for updates (once a day; installed when Dogear quits)
      </label>
      <p>Off, Dogear makes no network request at all.</p>
    </fieldset>
  )
}
