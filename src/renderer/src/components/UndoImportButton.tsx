// "Undo import" in the import report: deletes the digest just imported (its papers no other
// digest lists go to the trash); Ctrl+Z brings it back.
import { useState } from 'react'
import type { ImportFileReport } from '../../../shared/model'
import { useDogear } from '../context'
import { baseName } from '../lib/dates'

export function UndoImportButton({ report }: { report: Extract<ImportFileReport, { ok: true }> }) {
  const dogear = useDogear()
  const [state, setState] = useState<'ready' | 'working' | 'undone'>('ready')
  if (state === 'undone') {
    return (
      <p className="report-undone" role="status">
        Import undone: the digest is deleted and its new papers are in the trash.
      </p>
    )
  }
  return (
    <button
      type="button"
      className="undo-import"
      disabled={state === 'working'}
      onClick={() => {
        setState('working')
        void dogear.undoImport(report, baseName(report.file)).then((done) => setState(done ? 'undone' : 'ready'))
      }}
    >
      Undo Import
    </button>
  )
}
