// The decision thread's entry (a worker thread of the companion): answers Kamailio's route hook from its own
// event loop, database connection and heap, so a decision never waits behind the main thread's call events,
// feed pushes, API requests or garbage collection. See decision-thread.ts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { PresenceState } from '../../common/presence';
import type { HealthIssue } from '../../common/presence-health';
import type { CallOutcomes, CallPublisher } from '../domain/call-notices';
import { createInboundCalls } from '../domain/inbound-calls';
import { openDatabase } from '../storage/database';
import { createRepos } from '../storage/repos';
import { cachedRouteSource } from '../storage/route-cache';
import type { DecisionWorkerData, FromDecisions, LiveFact, ToDecisions } from './decision-messages';
import { createRouteHookApp } from './route-hook-app';

const data = workerData as DecisionWorkerData;
const main = parentPort!;
const post = (message: FromDecisions) => main.postMessage(message);

// The main thread's live facts, as it last said: everyone starts offline, and voicemail down until probed.
const live = new Map<string, { state: PresenceState; issues?: readonly HealthIssue[] }>();
let voicemailUp = false;
/**
 * Takes in every fact the main thread has sent so far, synchronously: a presence change it made before Kamailio
 * asked is seen by the decision (a message waiting for the event loop might be read after the request).
 */
function catchUp() {
  for (let m = receiveMessageOnPort(data.facts); m; m = receiveMessageOnPort(data.facts)) {
    const fact = m.message as LiveFact;
    if (fact.kind === 'presence') live.set(fact.staffId, { state: fact.state, issues: fact.issues });
    else voicemailUp = fact.up;
  }
}
// Between calls too, so the queue never grows over a quiet night.
const catchingUp = setInterval(catchUp, 1000);
main.on('message', (m: ToDecisions) => {
  if (m.kind === 'stop') stop();
});

const publish: CallPublisher = {
  offered: (...args) => post({ kind: 'publish', method: 'offered', args }),
  resolved: (...args) => post({ kind: 'publish', method: 'resolved', args }),
  updated: (...args) => post({ kind: 'publish', method: 'updated', args }),
};
const outcomes: CallOutcomes = {
  missed: (...args) => post({ kind: 'outcome', method: 'missed', args }),
  answered: (...args) => post({ kind: 'outcome', method: 'answered', args }),
};

const shift = data.clockShift;
const now = shift ? () => Date.now() + shift[0]! : Date.now;
const repos = createRepos(openDatabase(data.databasePath));
const calls = createInboundCalls({
  source: cachedRouteSource(repos, now),
  calls: repos.calls,
  presence: { get: (staffId) => live.get(staffId) },
  publish,
  targets: data.targets,
  now,
  voicemailUp: () => voicemailUp,
  outcomes,
});
const server = createServer(
  createRouteHookApp({
    route: (q) => {
      catchUp();
      return calls.route(q);
    },
    token: data.token,
    log: data.logInfo ? (l) => console.log(l) : undefined,
  }),
);
// Kamailio keeps one connection per process open (pooled http_client connections), as on the main hook listener.
server.keepAliveTimeout = 10 * 60_000;
server.on('error', (err) => console.error('[decisions] listener error (survived):', err));
server.listen(data.port, '127.0.0.1', () => post({ kind: 'listening', port: (server.address() as AddressInfo).port }));

/** Kamailio's pooled connections are cut (its failsafe answers meanwhile); then nothing is left to run. */
function stop() {
  clearInterval(catchingUp);
  data.facts.close();
  server.close(() => {
    repos.db.close();
    main.close();
  });
  server.closeAllConnections();
}
