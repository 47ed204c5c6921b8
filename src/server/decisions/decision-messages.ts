import type { MessagePort } from 'node:worker_threads';
import type { PresenceState } from '../../common/presence';
import type { HealthIssue } from '../../common/presence-health';
import type { CallOutcomes, CallPublisher } from '../domain/call-notices';
import type { TargetConfig } from '../domain/sip-targets';

/** What the decision thread starts from (structured-cloned once, at start). */
export type DecisionWorkerData = {
  databasePath: string;
  /** Its own loopback listener for Kamailio's route hook (0 picks a free port). */
  port: number;
  token: string;
  targets: TargetConfig;
  logInfo: boolean;
  /** Where the main thread's live facts arrive (LiveFact), read before each decision. */
  facts: MessagePort;
  /** Milliseconds added to the real clock, shared with whoever shifts it (tests that move time on). */
  clockShift?: Float64Array;
};

/** Main thread → decision thread: the live facts routing reads that only the main thread holds. */
export type LiveFact =
  | { kind: 'presence'; staffId: string; state: PresenceState; issues?: readonly HealthIssue[] }
  | { kind: 'voicemail'; up: boolean };

/** Main thread → decision thread: close the listener and the database, then end. */
export type ToDecisions = { kind: 'stop' };

/** Decision thread → main thread: it listens; and what a decision tells agents, for the feed to push. */
export type FromDecisions =
  | { kind: 'listening'; port: number }
  | {
      [M in keyof CallPublisher]: { kind: 'publish'; method: M; args: Parameters<CallPublisher[M]> };
    }[keyof CallPublisher]
  | {
      [M in keyof CallOutcomes]: { kind: 'outcome'; method: M; args: Parameters<CallOutcomes[M]> };
    }[keyof CallOutcomes];
