/** Save text as a file through the browser's (or Electron's) download flow: no Node access. */
export function downloadText(filename: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
