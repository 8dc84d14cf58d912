import { useStore } from 'zustand'
import { useDogear } from '../context'

export function Welcome() {
  const dogear = useDogear()
  const importing = useStore(dogear.ui, (s) => s.importing)
  return (
    <section className="welcome" aria-label="Welcome">
      <div className="welcome-card">
        <div className="welcome-mark" aria-hidden="true" />
        <h1>Welcome to Dogear</h1>
        <p className="welcome-lede">
          Dogear keeps the research-paper digests you receive — the Hugging Face papers page, arXiv listings, RSS and
          Atom feeds, BibTeX — in one deduplicated reading list on your computer, offline.
        </p>
        <ul className="welcome-points">
          <li>Work through new papers with the keyboard: read, star, and write notes.</li>
          <li>See how far you are in each digest and how much you read each day.</li>
          <li>Search titles, authors, abstracts and your notes.</li>
        </ul>
        <div className="welcome-actions">
          <button type="button" className="primary" disabled={importing} onClick={() => void dogear.chooseAndImport()}>
            Import digest...
          </button>
          <button type="button" disabled={importing} onClick={() => void dogear.importSample()}>
            Try a sample digest
          </button>
        </div>
        <p className="muted small">
          You can also drop digest files on this window, or paste a digest with <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+
          <kbd>V</kbd>.
        </p>
      </div>
    </section>
  )
}
