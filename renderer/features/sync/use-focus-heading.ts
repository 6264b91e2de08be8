import { useEffect, useRef } from 'react';

/**
 * Move focus to a screen's heading when the screen appears (it replaces the editor, so focus
 * would otherwise fall back to the page and screen readers would not announce the change).
 */
export function useFocusHeading<T extends HTMLElement>(key: unknown = null) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}
