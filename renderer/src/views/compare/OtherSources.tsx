import { useEffect, useMemo, useState } from 'react';
import { api, useResult } from '../../api';
import { navigate } from '../../app/navigation';
import { Button } from '../../components';
import type { ReaderContext } from '../../reader/extensions';

// The reader's "Other sources" panel: what the other reports say where this one is (the
// selection, or the passage at the top of the page), and a way into the side-by-side view.

const SETTLE_MS = 250;

/** The sentence range to look up: the selection, else the sentence at the top of the page. */
function lookupRange(ctx: ReaderContext): { start: number; end: number } | null {
  if (ctx.selection) return { start: ctx.selection.start, end: ctx.selection.end };
  const s = ctx.doc.sentences.find((x) => x.end > ctx.topOffset) ?? ctx.doc.sentences[ctx.doc.sentences.length - 1];
  return s ? { start: s.start, end: s.end } : null;
}

export function OtherSourcesPanel({ ctx }: { ctx: ReaderContext }) {
  const range = lookupRange(ctx);
  // Look up the passage the reader is on: from the top sentence down to the next few.
  const span = useMemo(() => {
    if (!range) return null;
    if (ctx.selection) return range;
    const first = ctx.doc.sentences.findIndex((s) => s.start === range.start);
    const last = ctx.doc.sentences[Math.min(ctx.doc.sentences.length - 1, first + 4)];
    return { start: range.start, end: last ? last.end : range.end };
  }, [range?.start, range?.end, ctx.selection, ctx.doc.sentences]); // eslint-disable-line react-hooks/exhaustive-deps
  const docId = ctx.doc.id;
  // While the page scrolls the passage changes at every frame: look it up once it settles.
  const [settled, setSettled] = useState(span);
  useEffect(() => {
    const t = setTimeout(() => setSettled(span), SETTLE_MS);
    return () => clearTimeout(t);
  }, [span]);
  const res = useResult(
    () => (settled ? api['compare.counterparts']({ docId, start: settled.start, end: settled.end }) : Promise.resolve({ ok: true as const, value: [] })),
    [docId, settled?.start, settled?.end],
    { refreshOn: ['docs'] },
  );
  const others = useResult(() => api['docs.list']({}), [], { refreshOn: ['docs'] });
  const found = res.value ?? [];
  return (
    <div className="cmp-other-sources">
      <p className="cmp-other-intro">{ctx.selection ? 'The selection in other sources:' : 'This part of the text in other sources:'}</p>
      {res.status === 'loading' && !res.value ? <p role="status">Looking…</p> : null}
      {res.status === 'ok' && found.length === 0 ? <p className="cmp-other-none">No other source says this.</p> : null}
      <ul className="cmp-other-list">
        {found.map((c) => (
          <li key={`${c.docId}-${c.start}`} className="cmp-other-item">
            <p className="cmp-other-title">
              {c.title} <span className="cmp-other-kind">{c.kind === 'same' ? 'same words' : 'other words'}</span>
            </p>
            <blockquote className="cmp-other-text">{c.text}</blockquote>
            <div className="cmp-other-actions">
              <Button size="sm" variant="ghost" onClick={() => navigate({ view: 'reader', docId: c.docId, offset: c.start, end: c.end, flash: true })}>
                Read there
              </Button>
              <Button size="sm" variant="ghost" onClick={() => navigate({ view: 'compare', docIds: [docId, c.docId], offset: settled?.start ?? 0 })}>
                Side by side
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {others.value && others.value.length > 1 ? (
        <div className="cmp-other-with">
          <label htmlFor="cmp-compare-with">Compare with…</label>
          <select
            id="cmp-compare-with"
            value=""
            onChange={(e) => e.target.value && navigate({ view: 'compare', docIds: [docId, e.target.value], offset: ctx.topOffset })}
          >
            <option value="">Choose a report</option>
            {others.value
              .filter((d) => d.id !== docId)
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.outlet ? `${d.outlet}: ` : ''}
                  {d.title}
                </option>
              ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
