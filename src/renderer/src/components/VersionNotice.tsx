import type { PaperDetail } from '../../../shared/model'
import { useDogear } from '../context'

function abstractUrl(arxivId: string, version: number): string {
  return `https://arxiv.org/abs/${arxivId}v${version}`
}

/** "v3 · revised since you read v1", with the links to both versions and "Mark read again". */
export function VersionNotice({ paper }: { paper: PaperDetail }) {
  const dogear = useDogear()
  const revision = paper.revision
  if (!revision) return null
  const read = revision.readVersion
  return (
    <p className="version-notice" role="status">
      <strong>v{revision.latestVersion}</strong> · revised since you read {read === null ? 'it' : `v${read}`}
      {paper.arxivId && (
        <>
          {' · '}
          {read !== null && (
            <button
              type="button"
              className="link-like"
              onClick={() => void dogear.openExternal(abstractUrl(paper.arxivId!, read))}
            >
              v{read}
            </button>
          )}
          {read !== null && ' '}
          <button
            type="button"
            className="link-like"
            onClick={() => void dogear.openExternal(abstractUrl(paper.arxivId!, revision.latestVersion))}
          >
            v{revision.latestVersion}
          </button>
        </>
      )}
      {' · '}
      <button type="button" className="link-like" onClick={() => void dogear.markRevisionRead()}>
        Mark read again
      </button>
    </p>
  )
}
