'use client';

import { useRouter } from 'next/navigation';
import {
  createContext,
  use,
  useCallback,
  useMemo,
  useRef,
  useTransition,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { SEARCH_PATH } from './search-links';

interface NavigateOptions {
  /** Replace the current history entry (typing) instead of adding one (a choice). */
  replace?: boolean;
  /** Move focus to the results once they are shown (the link followed may be gone). */
  focusResults?: boolean;
}

interface SearchNavigation {
  /** True from a change of search until its results are on screen. */
  pending: boolean;
  navigate: (href: string, options?: NavigateOptions) => void;
  /** True once after a navigation that asked for focus on the results. */
  takeFocusRequest: () => boolean;
}

const SearchNavigationContext = createContext<SearchNavigation | null>(null);

export function useSearchNavigation(): SearchNavigation {
  const value = use(SearchNavigationContext);
  if (!value) throw new Error('useSearchNavigation needs a SearchNavigationProvider');
  return value;
}

function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * Runs every change of search on this page as one transition: results keep showing (dimmed)
 * until the new ones arrive, and the page scroll stays where it is. Links to /search inside
 * are followed the same way, then focus moves to the results; without JavaScript they are
 * ordinary links.
 */
export function SearchNavigationProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const focusRequested = useRef(false);

  const navigate = useCallback(
    (href: string, options: NavigateOptions = {}) => {
      focusRequested.current = options.focusResults ?? false;
      startTransition(() => {
        if (options.replace) router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [router],
  );

  const takeFocusRequest = useCallback(() => {
    const requested = focusRequested.current;
    focusRequested.current = false;
    return requested;
  }, []);

  const value = useMemo(
    () => ({ pending, navigate, takeFocusRequest }),
    [pending, navigate, takeFocusRequest],
  );

  const followSearchLinks = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || !isPlainClick(event)) return;
    if (!(event.target instanceof Element)) return;
    const anchor = event.target.closest('a');
    if (!anchor || anchor.hasAttribute('download')) return;
    if (anchor.target && anchor.target !== '_self') return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== SEARCH_PATH || url.hash) return;
    event.preventDefault();
    navigate(`${url.pathname}${url.search}`, { focusResults: true });
  };

  return (
    <SearchNavigationContext value={value}>
      <div onClickCapture={followSearchLinks}>{children}</div>
    </SearchNavigationContext>
  );
}
