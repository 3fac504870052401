'use client';

import { useState, useSyncExternalStore } from 'react';
import { LocateIcon } from '@/components/ui/icons';
import { nearMeParams, searchHref } from './search-links';
import { useSearchNavigation } from './search-navigation';

type LocateState = { kind: 'idle' } | { kind: 'locating' } | { kind: 'failed'; message: string };

const MESSAGES: Record<number, string> = {
  1: 'Location access is blocked for this site. Allow it in your browser settings, or type a city or ZIP code.',
  2: 'Your location could not be found just now. Type a city or ZIP code instead.',
  3: 'Finding your location took too long. Try again, or type a city or ZIP code.',
};

function subscribe(): () => void {
  return () => {};
}

function canLocate(): boolean {
  return 'geolocation' in navigator;
}

function cannotLocateYet(): boolean {
  return false;
}

interface LocateButtonProps {
  /** The current search parameters, kept when the location is used. */
  baseParams: string;
  className?: string;
}

/**
 * "Use my location": asks the browser for the visitor's position and searches near it. It stays
 * disabled until the page is interactive, and where the browser cannot give a location.
 */
export function LocateButton({ baseParams, className }: LocateButtonProps) {
  const { navigate } = useSearchNavigation();
  const supported = useSyncExternalStore(subscribe, canLocate, cannotLocateYet);
  const [state, setState] = useState<LocateState>({ kind: 'idle' });
  const messageId = 'locate-message';

  const locate = () => {
    setState({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState({ kind: 'idle' });
        navigate(searchHref(nearMeParams(new URLSearchParams(baseParams), position.coords)));
      },
      (error) => {
        setState({
          kind: 'failed',
          message:
            MESSAGES[error.code] ??
            'Your location could not be found. Type a city or ZIP code instead.',
        });
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 5 * 60_000 },
    );
  };

  return (
    <div className={className}>
      <button
        type="button"
        onClick={locate}
        disabled={!supported || state.kind === 'locating'}
        aria-describedby={state.kind === 'failed' ? messageId : undefined}
        className="-ml-2 inline-flex min-h-10 items-center gap-1.5 rounded-lg px-2 text-sm font-semibold text-teal-800 transition-colors hover:bg-teal-50 disabled:cursor-not-allowed disabled:text-stone-500 disabled:hover:bg-transparent"
      >
        <LocateIcon />
        {state.kind === 'locating' ? 'Finding your location…' : 'Use my location'}
      </button>
      <p id={messageId} role="alert" className="text-sm text-red-800 empty:hidden">
        {state.kind === 'failed' ? state.message : ''}
      </p>
    </div>
  );
}
