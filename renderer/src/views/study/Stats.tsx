import { useEffect, useState } from 'react';
import { api, notifyChanged, useResult } from '../../api';
import { Button, ErrorMessage, toast, toastError } from '../../components';
import { plural } from '../../lib/format';
import { CARDS_TOPIC, type StudySettings, type StudyStats } from './types';

// Statistics (reviews per day as a calendar heatmap, retention, cards by state, what comes
// due) and the two settings: desired retention and new cards per day.

const WEEKS = 26;
const DAY = 24 * 60 * 60 * 1000;

function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);

function Heatmap({ stats }: { stats: StudyStats }) {
  const byDay = new Map(stats.reviewsPerDay.map((d) => [d.date, d.count]));
  const today = new Date();
  // Columns are weeks (Monday first), the last one holding today.
  const lastMonday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
  const start = new Date(lastMonday.getTime() - (WEEKS - 1) * 7 * DAY);
  const max = Math.max(1, ...byDay.values());
  const cells: Array<{ date: string; count: number; future: boolean }> = [];
  for (let i = 0; i < WEEKS * 7; i++) {
    const d = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i);
    const date = localDate(d);
    cells.push({ date, count: byDay.get(date) ?? 0, future: d > today });
  }
  const days = stats.reviewsPerDay.filter((d) => d.date >= localDate(start));
  const total = days.reduce((n, d) => n + d.count, 0);
  const level = (n: number): number => (n === 0 ? 0 : Math.min(4, 1 + Math.floor((n / max) * 3.99)));
  return (
    <figure className="study-figure">
      <figcaption className="study-figure-title">Reviews per day</figcaption>
      <div className="study-heatmap" role="img" aria-label={`Reviews per day over the last ${WEEKS} weeks: ${plural(total, 'review')} on ${plural(days.length, 'day')}.`}>
        {cells.map((c) => (
          <span key={c.date} className={`study-heat study-heat-${c.future ? 'future' : level(c.count)}`} title={`${c.date}: ${plural(c.count, 'review')}`} aria-hidden="true" />
        ))}
      </div>
      <p className="study-figure-note">
        {plural(total, 'review')} in {WEEKS} weeks{stats.streakDays ? ` · ${plural(stats.streakDays, 'day')} in a row` : ''}
      </p>
    </figure>
  );
}

function Forecast({ stats }: { stats: StudyStats }) {
  const max = Math.max(1, ...stats.forecast.map((f) => f.count));
  const week = stats.forecast.slice(0, 7).reduce((n, f) => n + f.count, 0);
  return (
    <figure className="study-figure">
      <figcaption className="study-figure-title">Coming due (next 30 days)</figcaption>
      <div
        className="study-forecast"
        role="img"
        aria-label={`Cards coming due: ${stats.forecast[0]?.count ?? 0} today, ${week} in the next 7 days, ${stats.forecast.reduce((n, f) => n + f.count, 0)} in 30 days.`}
      >
        {stats.forecast.map((f) => (
          <span key={f.date} className="study-bar" style={{ height: `${Math.round((f.count / max) * 100)}%` }} title={`${f.date}: ${plural(f.count, 'card')}`} aria-hidden="true" />
        ))}
      </div>
      <p className="study-figure-note">
        {stats.forecast[0]?.count ?? 0} today · {week} this week
      </p>
    </figure>
  );
}

function SettingsForm({ settings, onSaved }: { settings: StudySettings; onSaved: () => void }) {
  const [retention, setRetention] = useState(String(settings.retention));
  const [perDay, setPerDay] = useState(String(settings.newPerDay));
  useEffect(() => {
    setRetention(String(settings.retention));
    setPerDay(String(settings.newPerDay));
  }, [settings]);
  return (
    <form
      className="study-settings"
      aria-label="Study settings"
      onSubmit={async (e) => {
        e.preventDefault();
        const res = await api['study.settings']({ retention: Number(retention), newPerDay: Number(perDay) });
        if (!res.ok) return toastError(res.error);
        notifyChanged(CARDS_TOPIC);
        toast({ kind: 'success', message: `Saved: ${Math.round(res.value.retention * 100)}% retention, ${plural(res.value.newPerDay, 'new card')} a day.` });
        onSaved();
      }}
    >
      <label className="field">
        <span className="field-label">Desired retention (0.70–0.99)</span>
        <input type="number" min={0.7} max={0.99} step={0.01} value={retention} onChange={(e) => setRetention(e.target.value)} required />
      </label>
      <label className="field">
        <span className="field-label">New cards per day</span>
        <input type="number" min={0} max={9999} step={1} value={perDay} onChange={(e) => setPerDay(e.target.value)} required />
      </label>
      <Button type="submit">Save settings</Button>
      <p className="study-settings-note">Higher retention means more reviews and fewer lapses; 0.90 suits most people.</p>
    </form>
  );
}

export function Stats() {
  const stats = useResult(() => api['study.stats']({}), [], { refreshOn: [CARDS_TOPIC] });
  const settings = useResult(() => api['study.settings']({}), []);
  if (stats.error && !stats.value) return <ErrorMessage error={stats.error} title="The statistics could not be loaded" retry={stats.reload} />;
  if (!stats.value) {
    return (
      <p className="view-loading" role="status">
        Counting…
      </p>
    );
  }
  const s = stats.value;
  const states = s.cardsByState;
  const active = Math.max(1, states.new + states.learning + states.review + states.relearning + states.suspended);
  const parts: Array<[string, number, string]> = [
    ['New', states.new, 'new'],
    ['Learning', states.learning + states.relearning, 'learning'],
    ['Review', states.review, 'review'],
    ['Suspended', states.suspended, 'suspended'],
  ];
  return (
    <div className="study-stats">
      <dl className="study-numbers">
        <div>
          <dt>Retention, 30 days</dt>
          <dd>{pct(s.retention.last30Days)}</dd>
        </div>
        <div>
          <dt>Retention, all time</dt>
          <dd>{pct(s.retention.allTime)}</dd>
        </div>
        <div>
          <dt>Reviews</dt>
          <dd>{s.totalReviews}</dd>
        </div>
        <div>
          <dt>Cards</dt>
          <dd>{states.total}</dd>
        </div>
      </dl>
      <Heatmap stats={s} />
      <figure className="study-figure">
        <figcaption className="study-figure-title">Cards by state</figcaption>
        <div className="study-states" role="img" aria-label={parts.map(([l, n]) => `${l}: ${n}`).join(', ')}>
          {parts.map(([l, n, cls]) => (n ? <span key={l} className={`study-state-bar study-state-${cls}`} style={{ width: `${(n / active) * 100}%` }} title={`${l}: ${n}`} aria-hidden="true" /> : null))}
        </div>
        <ul className="study-legend">
          {parts.map(([l, n, cls]) => (
            <li key={l}>
              <span className={`study-swatch study-state-${cls}`} aria-hidden="true" /> {l} {n}
            </li>
          ))}
        </ul>
      </figure>
      <Forecast stats={s} />
      {settings.value ? <SettingsForm settings={settings.value} onSaved={settings.reload} /> : null}
    </div>
  );
}
