import type { Config } from '../config';
import { probeSipUdp } from '../health/probes';
import type { Repos } from '../storage/repos';
import { startAutoDelete } from './auto-delete';
import { createDeposit } from './deposit';
import { createGreetings } from './greetings';
import { createInbox, type VoicemailPublisher } from './inbox';
import { createMessageStore } from './message-store';
import { createServiceHooks } from './service-hooks';

const PROBE_EVERY_MS = 3000;

/**
 * The companion's half of voicemail: the store of messages and greetings, the agents' inbox, the hooks the
 * voicemail service calls, auto-deletion, and whether the service is up (routing skips it when it is not).
 */
export function startVoicemail(deps: { repos: Repos; config: Config; now: () => number; publish: VoicemailPublisher }) {
  const { repos, now } = deps;
  const dir = deps.config.voicemail.dir;
  const store = createMessageStore(repos, dir);
  const inbox = createInbox({ repos, store, publish: deps.publish, now });
  const greetings = createGreetings({ repos, dir, now });
  const hooks = createServiceHooks({
    repos,
    dir,
    greetings,
    store,
    inbox,
    publish: deps.publish,
    maxSeconds: deps.config.voicemail.maxSeconds,
    now,
  });
  const autoDelete = startAutoDelete({
    repos,
    store,
    inbox,
    publish: deps.publish,
    now,
    maxWaitMs: deps.config.voicemail.sweepMs,
  });
  const storeMessage = createDeposit({ repos, store, inbox, publish: deps.publish, now });

  const [host, port] = deps.config.voicemail.sip.split(':');
  let up = false;
  const probe = async () => {
    up = (await probeSipUdp(host!, Number(port), 800)).up;
  };
  void probe();
  const prober = setInterval(() => void probe(), PROBE_EVERY_MS).unref();

  return {
    inbox,
    greetings,
    hooks,
    autoDelete,
    deposit(...args: Parameters<typeof storeMessage>) {
      const result = storeMessage(...args);
      autoDelete.reschedule();
      return result;
    },
    isUp: () => up,
    stop() {
      clearInterval(prober);
      autoDelete.stop();
    },
  };
}
export type Voicemail = ReturnType<typeof startVoicemail>;
