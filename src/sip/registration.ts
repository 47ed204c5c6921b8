import type { PhoneStore } from './phone-store';
import type { RegistererLike, ResponseLike, UserAgentLike } from './sip-types';

export function registrationFailureReason(statusCode: number, reasonPhrase = ''): string {
  if (statusCode === 401 || statusCode === 403 || statusCode === 407) {
    return `Server refused the credentials (${statusCode})`;
  }
  if (statusCode === 404) return 'Unknown extension (404)';
  if (statusCode === 408 || statusCode >= 500) {
    return `SIP server not responding (${statusCode})`;
  }
  return `Registration refused: ${statusCode}${reasonPhrase ? ` ${reasonPhrase}` : ''}`;
}

export interface Registration {
  /** Sends a fresh REGISTER (first time, after a reconnect). */
  register(): void;
  /** Sends a REGISTER that answers the server's challenge with the credentials now configured. */
  renew(): void;
  /** Forget the user agent (it is being stopped). */
  detach(): void;
}

/**
 * Keeps one Registerer per user agent and mirrors its outcome into the store.
 * sip.js's Registerer keeps claiming Registered across a transport drop, so the phone
 * calls register() on every connect instead of trusting its state.
 */
export function createRegistration(ua: UserAgentLike, store: PhoneStore): Registration {
  let registerer: RegistererLike | undefined;
  let detached = false;
  const setRegistration = (status: 'registered' | 'failed', reason?: string) => {
    if (!detached) store.getState().setRegistration(reason ? { status, reason } : { status });
  };

  const fresh = (): RegistererLike => {
    const created = ua.createRegisterer();
    created.stateChange.addListener((state) => {
      // A refresh the Registerer sent on its own failed (e.g. credentials expired).
      if (created === registerer && state === 'Unregistered' && currentStatus() === 'registered') {
        setRegistration('failed', 'Registration lapsed');
      }
    });
    return created;
  };
  const currentStatus = () => store.getState().registration.status;

  const send = (target: RegistererLike) =>
    target.register({
      requestDelegate: {
        onAccept: () => {
          if (target === registerer) setRegistration('registered');
        },
        onReject: (response: ResponseLike) => {
          if (target !== registerer) return;
          const { statusCode, reasonPhrase } = response.message;
          setRegistration('failed', registrationFailureReason(statusCode, reasonPhrase));
        },
      },
    });

  return {
    register() {
      if (detached) return;
      registerer ??= fresh();
      const current = registerer;
      send(current).catch(() => {
        // A REGISTER from before a drop (or an automatic refresh) is still pending: its
        // answer may never come, so register afresh rather than wait for it.
        if (detached || current !== registerer) return;
        registerer = fresh();
        send(registerer).catch((error: unknown) => {
          setRegistration('failed', error instanceof Error ? error.message : 'Registration failed');
        });
      });
    },
    renew() {
      registerer?.forgetAuthorization();
      this.register();
    },
    detach() {
      detached = true;
      registerer = undefined;
    },
  };
}
