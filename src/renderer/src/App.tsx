import { useEffect, useState, useSyncExternalStore } from 'react'
import { useStore } from 'zustand'
import { useDogear } from './context'
import { ConfirmDialog } from './components/ConfirmDialog'
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
import { TagPickerDialog } from './components/TagPickerDialog'
import { TrashView } from './components/TrashView'
import { ContextMenu } from './components/ContextMenu'
import { NARROW_WIDTH, PANE_LIMITS, loadPaneSizes, savePaneSizes, sizeClass, type PaneSizes } from './lib/paneSizes'
import { useDropImport } from './useDropImport'
import { useKeyboard } from './useKeyboard'

function subscribeToResize(onChange: () => void): () => void {
  window.addEventListener('resize', onChange)
  return () => window.removeEventListener('resize', onChange)
}

function useWindowWidth(): number {
  return useSyncExternalStore(subscribeToResize, () => window.innerWidth)
}

/** Pane widths for this window's size class; each class remembers its own. */
function usePaneSizes(windowWidth: number): [PaneSizes, (patch: Partial<PaneSizes>) => void] {
  const size = sizeClass(windowWidth)
  const [stored, setStored] = useState(() => ({ size, sizes: loadPaneSizes(window.localStorage, windowWidth) }))
  const sizes = stored.size === size ? stored.sizes : loadPaneSizes(window.localStorage, windowWidth)
  const update = (patch: Partial<PaneSizes>) => {
    const next = { ...sizes, ...patch }
    savePaneSizes(window.localStorage, next, windowWidth)
    setStored({ size, sizes: next })
  }
  return [sizes, update]
}

/** What a narrow window shows in place of list and reader side by side. */
function useNarrowPane(dogear: ReturnType<typeof useDogear>): ['list' | 'reader', (pane: 'list' | 'reader') => void] {
  const [pane, setPane] = useState<'list' | 'reader'>('list')
  useEffect(
    () =>
      dogear.selection.subscribe((state, previous) => {
        if (state.selectedId !== null && state.selectedId !== previous.selectedId) setPane('reader')
      }),
    [dogear]
  )
  return [pane, setPane]
}

function StartingUp() {
  return (
    <main className="loading-screen" aria-busy="true" aria-label="Opening your library">
      <div>
        <p>Opening your library…</p>
        <div className="skeleton skeleton-title" />
        <div className="skeleton skeleton-meta" />
      </div>
      <div>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="skeleton skeleton-title" />
        ))}
      </div>
      <div>
        <div className="skeleton skeleton-title" />
        <div className="skeleton skeleton-meta" />
      </div>
    </main>
  )
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
  if (dialog === 'confirm') return <ConfirmDialog onClose={close} />
  if (dialog === 'tags') return <TagPickerDialog onClose={close} />
  return null
}

export function App() {
  const dogear = useDogear()
  const view = useStore(dogear.selection, (s) => s.view)
  const loaded = useStore(dogear.sources, (s) => s.loaded)
  const empty = useStore(dogear.sources, (s) => s.stats !== null && s.stats.papers === 0)
  const windowWidth = useWindowWidth()
  const narrow = windowWidth < NARROW_WIDTH
  const [sizes, setSizes] = usePaneSizes(windowWidth)
  const collapsed = useStore(dogear.ui, (s) => s.comfort.sidebarCollapsed) || narrow
  const [narrowPane, setNarrowPane] = useNarrowPane(dogear)
  const sourcesWidth = collapsed ? 44 : sizes.sources
  const listColumns = narrow ? '1fr' : `${sizes.list}px 1px 1fr`
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
        <StartingUp />
      ) : empty ? (
        <main className="main-welcome">
          <Welcome />
        </main>
      ) : (
        <main
          className={narrow ? `panes narrow narrow-${narrowPane === 'reader' ? 'reading' : 'list'}` : 'panes'}
          style={{ gridTemplateColumns: `${sourcesWidth}px 1px ${view === 'papers' ? listColumns : '1fr'}` }}
        >
          <SourcesPane collapsed={collapsed} canExpand={!narrow} />
          {collapsed ? (
            <div className="splitter" aria-hidden="true" />
          ) : (
            <Splitter
              label="Resize sources"
              value={sizes.sources}
              {...PANE_LIMITS.sources}
              onChange={(width) => setSizes({ sources: width })}
            />
          )}
          {view === 'progress' ? (
            <ProgressView />
          ) : view === 'trash' ? (
            <TrashView />
          ) : narrow ? (
            narrowPane === 'reader' ? (
              <ReaderPane onBack={() => setNarrowPane('list')} />
            ) : (
              <PaperList />
            )
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
          {/* Inside the landmark (fixed, so out of the grid): every part of the page is in one. */}
          <ContextMenu />
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
