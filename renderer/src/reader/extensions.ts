import type { ComponentType } from 'react';
import type { DocDetail } from '@contract';
import type { Decoration } from './decorations';
import type { TextRange } from './selection';

/** What the reader tells its extensions. */
export interface ReaderContext {
  doc: DocDetail;
  /** The current selection in the text, as document offsets (null when nothing is selected). */
  selection: TextRange | null;
  /** The document offset at the top of the visible text. */
  topOffset: number;
  /** Scroll to an offset; with `flash`, flash that range once. */
  scrollTo: (offset: number, flash?: [number, number]) => void;
  /** Clear the selection (e.g. after turning it into a highlight). */
  clearSelection: () => void;
}

export interface ReaderPanel {
  title: string;
  /** Lower first. */
  order?: number;
  Component: ComponentType<{ ctx: ReaderContext }>;
}

export interface SelectionAction {
  id: string;
  label: string;
  /** A single-key or modified shortcut active while text is selected in the reader. */
  shortcut?: string;
  run: (ctx: ReaderContext, range: TextRange) => void | Promise<void>;
}

export interface ReaderExtension {
  id: string;
  /**
   * A React hook called on every reader render. Extensions are registered before the first
   * render and never removed, so the hook order is stable.
   */
  useDecorations?: (ctx: ReaderContext) => readonly Decoration[];
  panel?: ReaderPanel;
  selectionActions?: SelectionAction[];
}

const extensions: ReaderExtension[] = [];

export function registerReaderExtension(ext: ReaderExtension): void {
  const i = extensions.findIndex((e) => e.id === ext.id);
  if (i >= 0) extensions[i] = ext;
  else extensions.push(ext);
}

export function readerExtensions(): readonly ReaderExtension[] {
  return extensions;
}
