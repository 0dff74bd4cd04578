import { useState } from 'react';
import type { DocSummary } from '@contract';
import { api, useResult } from '../../api';
import { navigate, routeToHash } from '../../app/navigation';
import { EmptyState, ErrorMessage } from '../../components';

// The key passages of a document, ranked, with why each was picked.

export function KeyPassages({ docs, initialDocId }: { docs: DocSummary[]; initialDocId?: string }) {
  const [docId, setDocId] = useState(initialDocId ?? docs[0]?.id ?? '');
  const list = useResult(() => (docId ? api['study.keyPassages']({ docId, limit: 20 }) : Promise.resolve({ ok: true as const, value: [] })), [docId], { refreshOn: ['docs', 'highlights'] });
  const title = (id: string) => docs.find((d) => d.id === id)?.outlet ?? docs.find((d) => d.id === id)?.title ?? id;
  return (
    <div className="study-keys">
      <div className="library-controls">
        <label className="field">
          <span className="field-label">Document</span>
          <select value={docId} onChange={(e) => setDocId(e.target.value)}>
            {docs.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title.length > 80 ? `${d.title.slice(0, 79)}…` : d.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.error && !list.value ? (
        <ErrorMessage error={list.error} title="The key passages could not be found" retry={list.reload} />
      ) : !list.value ? (
        <p className="view-loading" role="status">
          Reading the document…
        </p>
      ) : list.value.length === 0 ? (
        <EmptyState title="No key passages" body="Nothing in this document stands out: no figures, names, quotations or statements other sources share." />
      ) : (
        <ol className="study-keylist" aria-label="Key passages, most important first">
          {list.value.map((k) => (
            <li key={k.start} className="study-key">
              <a
                className="study-key-text"
                href={routeToHash({ view: 'reader', docId: k.docId, offset: k.start, end: k.end, flash: true })}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ view: 'reader', docId: k.docId, offset: k.start, end: k.end, flash: true });
                }}
              >
                {k.text}
              </a>
              <p className="study-key-why">
                <span className="study-key-score" title="Score">
                  {k.score.toFixed(1)}
                </span>{' '}
                {k.reasons.join(' · ')}
                {k.sourceDocs.length > 1 ? (
                  <span className="study-key-also"> · also in {k.sourceDocs.filter((d) => d !== k.docId).map(title).join(', ')}</span>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
