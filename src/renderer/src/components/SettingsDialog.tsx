import { useStore } from 'zustand'
import type { MarkReadOnOpen } from '../../../shared/model'
import { useDogear } from '../context'
import { Dialog } from './Dialog'
import { ImportSettings } from './ImportSettings'
import { SyncSettings } from './SyncSettings'
import { UpdatesSetting } from './UpdatesSetting'
import { BackupSettings } from './BackupSettings'

const CHOICES: { value: MarkReadOnOpen; label: string }[] = [
  { value: 'immediately', label: 'As soon as I open it' },
  { value: 'after-delay', label: 'After a few seconds' },
  { value: 'never', label: 'Never (I press m)' }
]

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const dogear = useDogear()
  const markReadOnOpen = useStore(dogear.ui, (s) => s.settings.markReadOnOpen)
  const delay = useStore(dogear.ui, (s) => s.settings.markReadDelaySeconds)
  return (
    <Dialog title="Settings" onClose={onClose}>
      <fieldset className="settings-group">
        <legend>Mark a paper read when I open it</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="radio">
            <input
              type="radio"
              name="markReadOnOpen"
              value={choice.value}
              checked={markReadOnOpen === choice.value}
              onChange={() => void dogear.updateSettings({ markReadOnOpen: choice.value })}
            />
            {choice.label}
          </label>
        ))}
        <label className="inline-field">
          Delay in seconds
          <input
            type="number"
            min={1}
            max={60}
            value={delay}
            disabled={markReadOnOpen !== 'after-delay'}
            onChange={(event) => {
              const seconds = Math.round(Number(event.target.value))
              if (seconds >= 1 && seconds <= 60) void dogear.updateSettings({ markReadDelaySeconds: seconds })
            }}
          />
        </label>
      </fieldset>
      <BackupSettings />
      <ImportSettings />
      <SyncSettings />
      <UpdatesSetting />
    </Dialog>
  )
}
