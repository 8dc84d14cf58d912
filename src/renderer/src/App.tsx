import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { useDogear } from './context'
import { ImportReportDialog } from './components/ImportReportDialog'
import { KeysDialog } from './components/KeysDialog'
import { PaperList } from './components/PaperList'
import { ProgressView } from './components/ProgressView'
import { ReaderPane } from './components/ReaderPane'
import { SettingsDialog } from './components/SettingsDialog'
import { SourcesPane } from './components/SourcesPane'
import { Splitter } from './components/Splitter'
import { StatusLine } from './components/StatusLine'
import { TopBar } from './components/TopBar'
import { Welcome } from './components/Welcome'
import { PANE_LIMITS, loadPaneSizes, savePaneSizes, type PaneSizes } from './lib/paneSizes'
import { useDropImport } from './useDropImport'
import { useKeyboard } from './useKeyboard'

function usePaneSizes(): [PaneSizes, (patch: Partial<PaneSizes>) => void] {
  const [sizes, setSizes] = useState(() => loadPaneSizes(window.localStorage))
  const update = (patch: Partial<PaneSizes>) =>
    setSizes((current) => {
      const next = { ...current, ...patch }
      savePaneSizes(window.localStorage, next)
      return next
    })
  return [sizes, update]
}

/** Saves a half-written note when the window goes away or out of sight. */
function useFlushOnLeave(flush: () => unknown): void {
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    window.addEventListener('beforeunload', flush)
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onHide)
    return () => {
      window.removeEventListener('beforeunload', flush)
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onHide)
    }
  }, [flush])
}

function Dialogs() {
  const dogear = useDogear()
  const dialog = useStore(dogear.ui, (s) => s.dialog)
  const close = () => dogear.openDialog(null)
  if (dialog === 'keys') return <KeysDialog onClose={close} />
  if (dialog === 'settings') return <SettingsDialog onClose={close} />
  if (dialog === 'import') return <ImportReportDialog onClose={close} />
  return null
}

export function App() {
  const dogear = useDogear()
  const view = useStore(dogear.selection, (s) => s.view)
  const loaded = useStore(dogear.sources, (s) => s.loaded)
  const empty = useStore(dogear.sources, (s) => s.stats !== null && s.stats.papers === 0)
  const [sizes, setSizes] = usePaneSizes()
  const dragging = useDropImport(dogear)

  useKeyboard(dogear)
  useFlushOnLeave(dogear.flushNote)
  useEffect(() => {
    const unsubscribe = dogear.api.onEvent(dogear.handleEvent)
    void dogear.start()
    return unsubscribe
  }, [dogear])

  return (
    <div className="app">
      <TopBar />
      {!loaded ? (
        <main className="loading-screen" aria-busy="true" />
      ) : empty ? (
        <main className="main-welcome">
          <Welcome />
        </main>
      ) : (
        <main
          className="panes"
          style={{
            gridTemplateColumns: `${sizes.sources}px 1px ${view === 'progress' ? '1fr' : `${sizes.list}px 1px 1fr`}`
          }}
        >
          <SourcesPane />
          <Splitter
            label="Resize sources"
            value={sizes.sources}
            {...PANE_LIMITS.sources}
            onChange={(width) => setSizes({ sources: width })}
          />
          {view === 'progress' ? (
            <ProgressView />
          ) : (
            <>
              <PaperList />
              <Splitter
                label="Resize paper list"
                value={sizes.list}
                {...PANE_LIMITS.list}
                onChange={(width) => setSizes({ list: width })}
              />
              <ReaderPane />
            </>
          )}
        </main>
      )}
      <StatusLine />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">Drop digest files to import them</div>
        </div>
      )}
      <Dialogs />
    </div>
  )
}
