import { useStore } from 'zustand'
import { useDogear } from '../context'
import { ReadChart } from './ReadChart'
import { digestDateLabel } from './SourcesPane'

function Stat({ label, value, detail }: { label: string; value: number; detail?: string }) {
  const id = `stat-${label.toLowerCase().replace(/\W+/g, '-')}`
  return (
    <div className="stat" role="group" aria-labelledby={id}>
      <div className="stat-label" id={id}>
        {label}
      </div>
      <div className="stat-value">{value.toLocaleString()}</div>
      {detail && <div className="stat-detail muted">{detail}</div>}
    </div>
  )
}

export function ProgressView() {
  const dogear = useDogear()
  const stats = useStore(dogear.sources, (s) => s.stats)
  const digests = useStore(dogear.sources, (s) => s.digests)
  if (!stats) return <section className="progress-view" aria-label="Progress" />
  const readLast = stats.readPerDay.reduce((sum, d) => sum + d.read, 0)
  const percent = stats.papers ? Math.round((stats.read / stats.papers) * 100) : 0
  return (
    <section className="progress-view" aria-label="Progress">
      <h1>Progress</h1>
      <div className="stats">
        <Stat label="Read" value={stats.read} detail={`of ${stats.papers.toLocaleString()} papers (${percent}%)`} />
        <Stat label="Unread backlog" value={stats.unread} />
        <Stat label="Starred" value={stats.starred} />
        <Stat label="Noted" value={stats.noted} />
      </div>
      <figure className="chart-figure">
        <figcaption>
          Papers read per day, last {stats.readPerDay.length} days <span className="muted">· {readLast} in all</span>
        </figcaption>
        <ReadChart days={stats.readPerDay} />
      </figure>
      {digests.length > 0 && (
        <>
          <h2>Digests</h2>
          <table className="digest-table">
            <thead>
              <tr>
                <th scope="col">Digest</th>
                <th scope="col">Date</th>
                <th scope="col" className="num">
                  Read
                </th>
                <th scope="col" className="bar-col">
                  <span className="visually-hidden">Progress</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {digests.map((digest) => (
                <tr key={digest.id}>
                  <td>{digest.title}</td>
                  <td className="muted">{digestDateLabel(digest)}</td>
                  <td className="num">
                    {digest.read} / {digest.total}
                  </td>
                  <td className="bar-col">
                    <span className="digest-progress wide" aria-hidden="true">
                      <span
                        className="digest-progress-fill"
                        style={{ width: `${digest.total ? (digest.read / digest.total) * 100 : 0}%` }}
                      />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
