import { useStore } from 'zustand'
import type { Settings } from '../../../shared/model'
import { useDogear } from '../context'

type SwitchName = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings]

/** A group of the Settings dialog holding one on/off setting, saved as it is ticked. */
export function SwitchSetting({
  legend,
  setting,
  label,
  explanation
}: {
  legend: string
  setting: SwitchName
  label: string
  explanation: string
}) {
  const dogear = useDogear()
  const on = useStore(dogear.ui, (s) => s.settings[setting])
  return (
    <fieldset className="settings-group">
      <legend>{legend}</legend>
      <label className="radio">
        <input
          type="checkbox"
          checked={on}
          onChange={(event) => void dogear.updateSettings({ [setting]: event.target.checked })}
        />
        {label}
      </label>
      <p>{explanation}</p>
    </fieldset>
  )
}
