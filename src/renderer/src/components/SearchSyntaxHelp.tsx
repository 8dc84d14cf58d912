// The search syntax as a table of examples, in the keys help.
import { SEARCH_SYNTAX } from '../../../shared/query'
import '../styles/search.css'

export function SearchSyntaxHelp() {
  return (
    <section aria-labelledby="search-syntax-heading">
      <h3 id="search-syntax-heading">Search syntax</h3>
      <table className="keys-table syntax-table">
        <tbody>
          {SEARCH_SYNTAX.map((entry) => (
            <tr key={entry.example}>
              <td>
                <code>{entry.example}</code>
              </td>
              <td>{entry.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Relevance weighs the title highest; on a tie the newer paper comes first. Very common words list the newest
        first.
      </p>
    </section>
  )
}
