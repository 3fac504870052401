/** What to tell a person when the browser's passkey prompt did not give us a passkey. */
export function passkeyPromptMessage(error: unknown, ceremony: 'create' | 'use'): string {
  const name = error instanceof Error ? error.name : '';
  const code =
    error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || name === 'InvalidStateError') {
    return 'This device already has a passkey for your account. You can use that one.';
  }
  if (code === 'ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT') {
    return 'This device cannot store a passkey. Try your phone, or a password manager that supports passkeys.';
  }
  if (name === 'NotAllowedError' || name === 'AbortError') {
    return ceremony === 'create'
      ? 'No passkey was created: the request was cancelled or timed out. You can try again.'
      : 'No passkey was used: the request was cancelled or timed out, or this device has no passkey for Unknot. You can try again.';
  }
  if (name === 'SecurityError') {
    return 'Your browser refused passkeys on this address. Open Unknot at its usual address and try again.';
  }
  return ceremony === 'create'
    ? 'Your browser could not create a passkey. Please try again.'
    : 'Your browser could not use a passkey. Please try again.';
}

/** Whether this browser has WebAuthn (read on the client only; the server renders without it). */
export function browserHasPasskeys(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

/** For useSyncExternalStore: support does not change while the page is open. */
export function subscribeToNothing(): () => void {
  return () => {};
}
