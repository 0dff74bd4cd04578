import { useEffect, type RefObject } from 'react';
import { snapSelectionToWords } from './selection';

/**
 * A mouse drag that starts in `container` and starts or ends inside a word selects the whole
 * word (Kindle, Readwise); holding Alt keeps the exact range. For any view that renders a text
 * with PassageText (the reader; compare columns can use it too).
 */
export function useWordSnap(container: RefObject<HTMLElement | null>, locale?: string): void {
  useEffect(() => {
    let dragFromText = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onDown = (e: PointerEvent) => {
      dragFromText = e.button === 0 && e.target instanceof Node && !!container.current?.contains(e.target);
    };
    const onUp = (e: PointerEvent) => {
      if (!dragFromText || e.altKey) return;
      dragFromText = false;
      // After the browser has finished the selection, before highlight mode reads it (60 ms).
      timer = setTimeout(() => {
        timer = undefined;
        if (container.current) snapSelectionToWords(container.current, locale);
      }, 0);
    };
    // A key pressed before the snap ran (possible on a busy machine): an arrow or Home/End means
    // the keyboard now shapes the selection, and a snap after it would jump to a word's end;
    // any other key (a highlight shortcut) gets the snapped selection now.
    const onKey = (e: KeyboardEvent) => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      if (!/^(Arrow|Home$|End$|Page)/.test(e.key) && container.current) snapSelectionToWords(container.current, locale);
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('pointerup', onUp, true);
    document.addEventListener('keydown', onKey, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('pointerup', onUp, true);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [container, locale]);
}
