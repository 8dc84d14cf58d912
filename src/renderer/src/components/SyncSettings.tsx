import { useEffect, useState } from 'react'
import type { SyncStatus } from '../../../shared/sync'
import { errorMessage } from '../api'
import { useDogear } from '../context'

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : 'never'
}

/** Settings > Sync: the folder, this device's name, the other devices and how the last sync went. */
export function SyncSettings() {
  const dogear = useDogear()
  const { api } = dogear
  const [status, setStatus] = useState<SyncStatus | null>(null)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const show = (next: SyncStatus): void => {
    setStatus(next)
    setName(next.device.name)
    setError(null)
  }
  const act = async (work: () => Promise<SyncStatus>): Promise<void> => {
    setBusy(true)
    try {
      const next = await work()
      show(next)
      // Another computer's digests and marks may have arrived with this sync.
      void dogear.refreshSources()
      void dogear.reloadList()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  useEffect(() => {
    let live = true
    api.syncStatus().then(
      (next) => live && show(next),
      (failure: unknown) => live && setError(errorMessage(failure))
    )
    return () => {
      live = false
    }
  }, [api])

  if (!status) return <p className="settings-group">{error ?? 'Reading the sync state...'}</p>
  const rename = (): void => {
    if (name.trim() !== '' && name.trim() !== status.device.name) void act(() => api.setSyncDeviceName({ name }))
  }
  return (
    <fieldset className="settings-group" aria-label="Sync">
      <legend>Sync with my other computers</legend>
      <p>
        Sync folder: <strong>{status.folder ?? 'none'}</strong>
      </p>
      <div className="settings-actions">
        <button type="button" disabled={busy} onClick={() => void act(() => api.chooseSyncFolder())}>
          {status.folder ? 'Choose Another Sync Folder...' : 'Choose Sync Folder...'}
        </button>
        {status.folder && (
          <button type="button" disabled={busy} onClick={() => void act(() => api.syncNow())}>
            Sync Now
          </button>
        )}
      </div>
      <label className="inline-field">
        This device&apos;s name
        <input
          type="text"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          onBlur={rename}
          onKeyDown={(event) => event.key === 'Enter' && rename()}
        />
      </label>
      <p role="status">
        Last sync: {when(status.lastSyncAt)}
        {status.outbox > 0 && ` · ${status.outbox} changes not sent yet`}
        {status.digestsWaiting > 0 && ` · waiting for ${status.digestsWaiting} digest files`}
        {status.conflicts > 0 && ` · ${status.conflicts} notes with a sync conflict (edit the note to resolve it)`}
      </p>
      {(status.problem ?? error) && <p role="alert">{error ?? status.problem}</p>}
      {status.devices.length > 0 && (
        <table aria-label="Other devices">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Last wrote</th>
              <th scope="col">Last synced</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {status.devices.map((device) => (
              <tr key={device.id}>
                <td>{device.name}</td>
                <td>{when(device.wroteAt)}</td>
                <td>{when(device.syncedAt)}</td>
                <td>{device.problem ?? (device.behind > 0 ? `${device.behind} segments to apply` : 'up to date')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </fieldset>
  )
}
