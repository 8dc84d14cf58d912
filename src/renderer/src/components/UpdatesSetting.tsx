import { SwitchSetting } from './SwitchSetting'

/** The updates switch: off, an installed Dogear never asks its release feed. */
export function UpdatesSetting() {
  return (
    <SwitchSetting
      legend="Updates"
      setting="checkForUpdates"
      label="Check for updates (once a day; installed when Dogear quits)"
      explanation="Off, Dogear makes no network request at all."
    />
  )
}
