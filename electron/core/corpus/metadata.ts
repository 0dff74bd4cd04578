// PLACEHOLDER (corpus helper may refine)
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).length;
}

/** A readable title for a document with none: its first heading-like line, trimmed. */
export function deriveTitle(text: string, fallback: string): string {
  const first = text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  const t = first.length > 120 ? first.slice(0, 117).replace(/\s+\S*$/, '') + '…' : first;
  return t || fallback;
}
