// How a quote is cited when copied (the same form as the Markdown export):
// “The words.” — Title. Outlet, 29 November 2022.

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function citationDate(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : longDate.format(d);
}

export function citation(doc: { title: string; outlet: string | null; published: string | null }): string {
  const tail = [doc.outlet, citationDate(doc.published)].filter(Boolean).join(', ');
  return tail ? `${doc.title}. ${tail}.` : `${doc.title}.`;
}

export function quoteWithCitation(words: string, doc: { title: string; outlet: string | null; published: string | null }): string {
  return `“${words.trim().replace(/\s+/g, ' ')}” — ${citation(doc)}`;
}

/** Copy text; falls back to a hidden textarea where the async clipboard is unavailable. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Not allowed here (insecure context, no permission): try the old way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('The clipboard is not available here; select the text and copy it yourself.');
}
