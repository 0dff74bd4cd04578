/** Lower-case, accents and quotes folded, so "Russia’s" matches "russias" (for matching; never for display). */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘'"“”«»]/g, '')
    .toLowerCase();
}
