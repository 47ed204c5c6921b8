import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Presence } from '../../common/presence';
import type { CallOutcomes, CallPublisher } from '../domain/call-notices';
import type { DecisionWorkerData, FromDecisions, LiveFact, ToDecisions } from './decision-messages';

type Deps = Omit<DecisionWorkerData, 'port' | 'facts'> & {
  /** Kamailio's route hook listener (ROUTE_HOOK_PORT, 127.0.0.1 only); 0 picks a free port. */
  port: number;
  /** Everyone's presence now (the thread starts from it, then hears each change). */
  presence: () => Iterable<Presence>;
  voicemailUp: () => boolean;
  publish: CallPublisher;
  outcomes: CallOutcomes;
};

export type DecisionThread = {
  /** The route hook's listener, e.g. http://127.0.0.1:8082. */
  url: string;
  /** An agent's presence changed (the presence service publishes every change once). */
  presenceChanged(p: Presence): void;
  voicemailChanged(up: boolean): void;
  stop(): Promise<void>;
};

// The thread runs the TypeScript sources as the companion does, through tsx's loader (registered by the entry).
const WORKER = new URL('./decision-worker-entry.mjs', import.meta.url);
/** A thread that dies is started again after this long (Kamailio's failsafe routing answers meanwhile). */
const RESTART_MS = 500;

/**
 * Where every inbound call goes is decided on a thread of its own: the decision is the one hook Kamailio waits
 * on with the caller hearing nothing, so it must not queue behind the main thread's work (call events, feed
 * pushes, the API, garbage collection). The thread reads and writes the same database (its own connection:
 * the call, its ring steps and offers, the rotation) and hears presence and the voicemail service's health
 * from here; what a decision tells agents comes back here for the feed to push.
 */
export async function startDecisionThread(deps: Deps): Promise<DecisionThread> {
  let port = deps.port;
  let worker: Worker;
  let facts: MessagePort;
  let stopping = false;
  let running = false;
  const send = (m: ToDecisions) => worker.postMessage(m);
  const tell = (fact: LiveFact) => facts.postMessage(fact);
  const presenceFact = (p: Presence): LiveFact => ({
    kind: 'presence',
    staffId: p.staffId,
    state: p.state,
    ...(p.issues && { issues: p.issues }),
  });
  const relay = (m: FromDecisions) => {
    if (m.kind === 'publish') (deps.publish[m.method] as (...a: unknown[]) => void)(...m.args);
    else if (m.kind === 'outcome') (deps.outcomes[m.method] as (...a: unknown[]) => void)(...m.args);
  };

  const start = () =>
    new Promise<number>((resolve, reject) => {
      const channel = new MessageChannel();
      facts?.close();
      facts = channel.port1;
      const data: DecisionWorkerData = {
        databasePath: deps.databasePath,
        port,
        token: deps.token,
        targets: deps.targets,
        logInfo: deps.logInfo,
        facts: channel.port2,
        ...(deps.clockShift && { clockShift: deps.clockShift }),
      };
      worker = new Worker(WORKER, { workerData: data, transferList: [channel.port2] });
      for (const p of deps.presence()) tell(presenceFact(p));
      tell({ kind: 'voicemail', up: deps.voicemailUp() });
      worker.on('message', (m: FromDecisions) => {
        if (m.kind !== 'listening') return relay(m);
        running = true;
        resolve(m.port);
      });
      worker.once('error', (err) => {
        console.error('[decisions] routing thread failed:', err);
        reject(err);
      });
      worker.once('exit', (code) => {
        reject(new Error(`routing thread ended (${code}) before it listened`));
        // One that never listened (a port in use) fails the start instead; one stopped on purpose stays stopped.
        const crashed = running && !stopping;
        running = false;
        if (!crashed) return;
        console.error(`[decisions] routing thread ended (${code}): starting it again in ${RESTART_MS} ms`);
        setTimeout(restart, RESTART_MS).unref();
      });
    });

  // A restart that fails (it has logged why) is tried again.
  const restart = () => void start().catch(() => setTimeout(restart, RESTART_MS).unref());
  port = await start();
  return {
    url: `http://127.0.0.1:${port}`,
    presenceChanged: (p) => tell(presenceFact(p)),
    voicemailChanged: (up) => tell({ kind: 'voicemail', up }),
    async stop() {
      stopping = true;
      if (running) {
        const ended = new Promise((r) => worker.once('exit', r));
        send({ kind: 'stop' });
        await ended;
      }
      facts.close();
    },
  };
}
