// How a document is cited in exports and copied quotes: Title. Outlet, 29 November 2022.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface CitableDocument {
  title: string;
  outlet: string | null;
  published: string | null;
}

/** "2022-11-29" -> "29 November 2022"; anything else is returned as given. */
export function longDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

export function citation(doc: CitableDocument): string {
  const tail = [doc.outlet, longDate(doc.published)].filter((x): x is string => Boolean(x)).join(', ');
  return tail ? `${doc.title}. ${tail}.` : `${doc.title}.`;
}
