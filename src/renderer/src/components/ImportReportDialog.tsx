import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { FormatInfo, ImportFileReport } from '../../../shared/model'
import { useDogear } from '../context'
import { baseName } from '../lib/dates'
import { Dialog } from './Dialog'
import { UndoImportButton } from './UndoImportButton'

/** In place of the command line's long advice: what Dogear reads, as a short list. */
function UnknownFormat() {
  const dogear = useDogear()
  const [formats, setFormats] = useState<FormatInfo[]>([])
  useEffect(() => {
    let live = true
    dogear.api
      .listFormats()
      .then((list) => live && setFormats(list))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [dogear])
  const labels = [...new Set(formats.map((f) => f.label))]
  return (
    <>
      <p className="error-text">Dogear could not tell what kind of digest this is. It reads:</p>
      <ul className="format-list small">
        {labels.map((label) => (
          <li key={label}>{label}</li>
        ))}
      </ul>
    </>
  )
}

function ReportItem({ report }: { report: ImportFileReport }) {
  if (!report.ok) {
    return (
      <li className="report report-failed">
        <h3 title={report.file}>{baseName(report.file)}</h3>
        {report.error.code === 'UNKNOWN_FORMAT' && /recogni/.test(report.error.message) ? (
          <UnknownFormat />
        ) : (
          <p className="error-text">{report.error.message}</p>
        )}
      </li>
    )
  }
  return (
    <li className="report">
      <h3 title={report.file}>
        {baseName(report.file)} <span className="format-tag">{report.format}</span>
      </h3>
      {report.alreadyImported ? (
        <p>Already imported: nothing changed.</p>
      ) : (
        <dl className="report-counts">
          <div>
            <dt>Added</dt>
            <dd>{report.added}</dd>
          </div>
          <div>
            <dt>Merged</dt>
            <dd>{report.merged}</dd>
          </div>
          <div>
            <dt>Unchanged</dt>
            <dd>{report.unchanged}</dd>
          </div>
        </dl>
      )}
      {report.stateApplied !== undefined && (
        <p>
          Restored the reading state of {report.stateApplied} paper{report.stateApplied === 1 ? '' : 's'}; kept the
          existing state of {report.stateKept ?? 0}.
        </p>
      )}
      {!report.alreadyImported && <UndoImportButton report={report} />}
      {report.warnings.length > 0 && (
        <details className="warnings">
          <summary>
            {report.warnings.length} warning{report.warnings.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {report.warnings.map((warning, i) => (
              <li key={i}>
                {warning.line !== null && <span className="muted">line {warning.line}: </span>}
                {warning.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  )
}

export function ImportReportDialog({ onClose }: { onClose: () => void }) {
  const dogear = useDogear()
  const reports = useStore(dogear.ui, (s) => s.reports)
  return (
    <Dialog title="Import report" onClose={onClose} wide>
      <ul className="reports">
        {reports.map((report, i) => (
          <ReportItem key={`${report.file}-${i}`} report={report} />
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Done
        </button>
      </div>
    </Dialog>
  )
}
