import type { ImportOutcome } from '@contract';
import { navigate } from '../../app/navigation';
import { Button } from '../../components';
import { plural } from '../../lib/format';

/** One line per file: imported (with a link to open it) or why not. */
export function ImportResults({ results, onClose, inLibrary }: { results: ImportOutcome[]; onClose: () => void; inLibrary?: (id: string) => boolean }) {
  const ok = results.filter((r) => 'id' in r).length;
  const failed = results.length - ok;
  return (
    <section className="import-results" aria-labelledby="import-results-title">
      <div className="import-results-head">
        <h2 id="import-results-title" className="import-results-title">
          {failed ? `Imported ${ok} of ${plural(results.length, 'file')}` : `Imported ${plural(ok, 'file')}`}
        </h2>
        <Button variant="ghost" size="sm" onClick={onClose} aria-label="Dismiss the import results">
          Dismiss
        </Button>
      </div>
      <ul className="import-results-list">
        {results.map((r, i) =>
          'id' in r ? (
            <li key={i} className="import-ok">
              <span className="import-status" aria-hidden="true">
                ✓
              </span>
              <span className="import-file">{r.file}</span>
              <span className="import-note">{r.replaced ? 'updated (it was already in the library)' : 'imported'}</span>
              {inLibrary && !inLibrary(r.id) ? (
                <span className="import-note">(deleted since)</span>
              ) : (
                <Button variant="ghost" size="sm" onClick={() => navigate({ view: 'reader', docId: r.id })} aria-label={`Open ${r.file}`}>
                  Open
                </Button>
              )}
            </li>
          ) : (
            <li key={i} className="import-error" data-error-code={r.error.code}>
              <span className="import-status" aria-hidden="true">
                ✕
              </span>
              <span className="import-file">{r.file}</span>
              <span className="import-note">
                <span className="visually-hidden">not imported: </span>
                {r.error.message}
              </span>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
