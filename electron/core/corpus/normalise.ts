// PLACEHOLDER (corpus helper replaces): NFC, LF, no BOM, trimmed lines.
export function normaliseText(raw: string): string {
  let t = raw.replace(/^\uFEFF/, '').normalize('NFC').replace(/\r\n?/g, '\n');
  t = t.split('\n').map((l) => l.replace(/[ \t\u00A0]+/g, ' ').trim()).join('\n');
  return t.replace(/\n{3,}/g, '\n\n').trim();
}
