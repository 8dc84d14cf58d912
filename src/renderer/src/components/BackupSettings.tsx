// Settings > Backups and trash: where and when the last automatic backup was made, and how
// many days the trash keeps what is in it.
import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { BackupStatus } from '../../../shared/model'
import { useDogear } from '../context'

function useBackupStatus(): BackupStatus | null | 'loading' | 'error' {
  const dogear = useDogear()
  const [status, setStatus] = useState<BackupStatus | null | 'loading' | 'error'>('loading')
  useEffect(() => {
    let live = true
    dogear.api
      .backupStatus()
      .then((answer) => live && setStatus(answer))
      .catch(() => live && setStatus('error'))
    return () => {
      live = false
    }
  }, [dogear])
  return status
}

function LastBackup() {
  const status = useBackupStatus()
  if (status === 'loading') return <p className="muted">Looking for the last backup…</p>
  if (status === 'error') return <p className="error-text">Could not look for backups.</p>
  if (status === null) return <p>No automatic backup yet: Dogear makes one a day while it runs.</p>
  const at = new Date(status.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <>
      <p>
        Last automatic backup: <strong>{at}</strong>
      </p>
      <p className="small">
        In <code className="path">{status.folder}</code> (the last 7 days and 4 weeks are kept). File &gt; Back Up
        Library... makes one now; File &gt; Restore from Backup... puts one back.
      </p>
    </>
  )
}

function TrashDays() {
  const dogear = useDogear()
  const days = useStore(dogear.ui, (s) => s.settings.trashPurgeDays)
  return (
    <label className="inline-field">
      Keep deleted papers in the trash for (days, 0 = until I empty it)
      <input
        type="number"
        min={0}
        max={3650}
        value={days}
        onChange={(event) => {
          const value = Math.round(Number(event.target.value))
          if (event.target.value !== '' && value >= 0 && value <= 3650)
            void dogear.updateSettings({ trashPurgeDays: value })
        }}
      />
    </label>
  )
}

export function BackupSettings() {
  return (
    <fieldset className="settings-group">
      <legend>Backups and trash</legend>
      <LastBackup />
      <TrashDays />
    </fieldset>
  )
}
