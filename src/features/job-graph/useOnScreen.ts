import { useCallback, useEffect, useRef, useState } from 'react';

type Track = (id: string) => (element: Element | null) => void;

/**
 * Which of the tracked elements are in the viewport, by id: `track(id)` is a ref callback (the
 * same function for the same id across renders). Without IntersectionObserver (jsdom) nothing is
 * on screen, so nothing is fetched for it.
 */
export function useOnScreen(): { onScreen: ReadonlySet<string>; track: Track } {
  const [onScreen, setOnScreen] = useState<ReadonlySet<string>>(() => new Set());
  const observerRef = useRef<IntersectionObserver | null>(null);
  const elements = useRef(new Map<Element, string>());
  const callbacks = useRef(new Map<string, (element: Element | null) => void>());
  const current = useRef(new Map<string, Element>());

  const observer = useCallback((): IntersectionObserver | null => {
    if (observerRef.current || typeof IntersectionObserver === 'undefined') return observerRef.current;
    observerRef.current = new IntersectionObserver((entries) => {
      setOnScreen((previous) => {
        const next = new Set(previous);
        for (const entry of entries) {
          const id = elements.current.get(entry.target);
          if (id === undefined) continue;
          if (entry.isIntersecting) next.add(id);
          else next.delete(id);
        }
        return next.size === previous.size && [...next].every((id) => previous.has(id)) ? previous : next;
      });
    });
    return observerRef.current;
  }, []);

  useEffect(
    () => () => {
      observerRef.current?.disconnect();
      observerRef.current = null;
    },
    [],
  );

  const track = useCallback<Track>(
    (id) => {
      let callback = callbacks.current.get(id);
      if (!callback) {
        callback = (element) => {
          const previous = current.current.get(id);
          if (previous && previous !== element) {
            observerRef.current?.unobserve(previous);
            elements.current.delete(previous);
            current.current.delete(id);
            setOnScreen((set) => {
              if (!set.has(id)) return set;
              const next = new Set(set);
              next.delete(id);
              return next;
            });
          }
          if (element && previous !== element) {
            elements.current.set(element, id);
            current.current.set(id, element);
            observer()?.observe(element);
          }
        };
        callbacks.current.set(id, callback);
      }
      return callback;
    },
    [observer],
  );

  return { onScreen, track };
}
