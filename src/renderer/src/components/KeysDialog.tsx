import { KEY_HELP } from '../lib/keymap'
import { Dialog } from './Dialog'
import { SearchSyntaxHelp } from './SearchSyntaxHelp'

export function KeysDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="keys-table">
        <tbody>
          {KEY_HELP.map((entry) => (
            <tr key={entry.action}>
              <td>
                {entry.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && <span className="muted"> or </span>}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{entry.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Keys do nothing while you type in the search box or the note.</p>
      <SearchSyntaxHelp />
    </Dialog>
  )
}
