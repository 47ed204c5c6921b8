// Claim races of `npm run bench`: missed unknown calls to the company number, each raced by 50 claimers over
// their own HTTP connection and feed socket against the running companion process and its SQLite file.
import Database from 'better-sqlite3';
import { request, Agent as HttpAgent } from 'node:http';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { NotificationView } from '../../src/common/notifications';
import { HOOK_TOKEN_HEADER } from '../../src/common/sip-hooks';
import { hookToken } from '../../src/server/auth/hook-token';
import type { ProductStack } from '../../scripts/stack/product-stack';
import { percentile } from './stats';

const RACES = Number(process.env.BENCH_CLAIM_RACES ?? 10_000);
const CLAIMERS = 50;
const AGENTS = ['alice', 'bob', 'carol', 'dave', 'supervisor'] as const;
const STAFF_IDS = ['staff-alice', 'staff-bob', 'staff-carol', 'staff-dave', 'staff-super'];
const COMPANY = { id: 'num-company', number: '+442079460000' };

export const CLAIMS_DEFINITIONS = {
  races:
    `${RACES} missed calls from distinct unknown numbers to the company number, made through Kamailio's routing hook (GET /internal/sip/route, ` +
    'attempt 0, nobody available, so each is missed at once and makes its notification). The company rule is a blast of 5 agents (the most a ' +
    `blast allows); ${CLAIMERS} claimers, 10 signed-in sessions per agent, each with its own feed socket and its own kept-alive HTTP connection.`,
  race: 'Every claimer POSTs /api/notifications/:id/claim the moment its own socket delivers notification:created; the race is over when all 50 answered.',
  doubleClaims:
    'Races where 200 answers name more than one agent, or where the database row names another claimer than the 200 answers.',
  lost: "Notifications missing from the database, never delivered to some claimer's socket within 10 s, or ending unclaimed after the race.",
  latency: 'Claim latency: POST sent -> answer fully read, per claim, in the bench process.',
};

type Session = { cookie: string; agent: string; http: HttpAgent; feed: Socket };

/** What a claim answers: the claimer on 200, the error (naming who claimed first) otherwise. */
type ClaimAnswer = { claimedBy?: { name: string }; error?: { message: string } } | null;

function post(base: URL, s: Session, path: string, body: unknown): Promise<{ status: number; body: ClaimAnswer }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: 'POST',
        agent: s.http,
        headers: {
          cookie: s.cookie,
          origin: base.origin,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: 'switchboard' }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export async function runClaimsBench(stack: ProductStack & { dir: string }, opts: { authSecret: string }) {
  const base = new URL(stack.url);
  const admin = await signIn(stack.url, 'admin@acme.test');
  const company = await (await fetch(`${stack.url}/api/numbers/${COMPANY.id}`, { headers: { cookie: admin } })).json();
  const put = await fetch(`${stack.url}/api/numbers/${COMPANY.id}/company`, {
    method: 'PUT',
    headers: { cookie: admin, origin: stack.url, 'content-type': 'application/json' },
    body: JSON.stringify({
      ...company.company,
      customRules: [],
      defaultRule: { kind: 'blast', staffIds: STAFF_IDS, ringTimeoutSeconds: 5 },
    }),
  });
  if (put.status !== 200) throw new Error(`company rule: ${put.status} ${await put.text()}`);

  console.log(`claims: signing in ${CLAIMERS} sessions and opening their feeds ...`);
  const sessions: Session[] = [];
  for (let i = 0; i < CLAIMERS; i++) {
    const agent = AGENTS[i % AGENTS.length]!;
    const cookie = await signIn(stack.url, `${agent}@acme.test`);
    const feed = io(stack.url, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: stack.url },
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>(
      (resolve, reject) => (feed.once('presence:snapshot', () => resolve()), feed.once('connect_error', reject)),
    );
    sessions.push({ cookie, agent, http: new HttpAgent({ keepAlive: true, maxSockets: 1 }), feed });
  }

  // Each claimer races every notification its socket delivers.
  const latencies: number[] = [];
  const answers = new Map<string, { status: number; name?: string }[]>();
  const delivered = new Map<string, number>();
  const idByCaller = new Map<string, string>();
  const waiting = new Map<string, () => void>();
  for (const s of sessions) {
    s.feed.on('notification:created', (n: NotificationView) => {
      idByCaller.set(n.caller, n.id);
      delivered.set(n.id, (delivered.get(n.id) ?? 0) + 1);
      const t0 = performance.now();
      void post(base, s, `/api/notifications/${n.id}/claim`, { action: 'claim' }).then((r) => {
        latencies.push(performance.now() - t0);
        const list = answers.get(n.id) ?? [];
        list.push({
          status: r.status,
          name:
            r.status === 200
              ? r.body?.claimedBy?.name
              : /^(.*) already claimed/.exec(r.body?.error?.message ?? '')?.[1],
        });
        answers.set(n.id, list);
        if (list.length === CLAIMERS) waiting.get(n.id)?.();
      });
    });
  }

  const token = hookToken(opts.authSecret);
  const started = performance.now();
  let lostDeliveries = 0;
  for (let i = 0; i < RACES; i++) {
    const caller = `+4479${String(10_000_000 + i).slice(-8)}`;
    const done = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 10_000);
      const check = () => {
        const id = idByCaller.get(caller);
        if (id && (answers.get(id)?.length ?? 0) === CLAIMERS) return (clearTimeout(timer), resolve(true));
        if (id) waiting.set(id, () => (clearTimeout(timer), resolve(true)));
        else setTimeout(check, 1);
      };
      check();
    });
    const q = new URLSearchParams({
      callId: `bench-claim-${Date.now()}-${i}`,
      from: caller,
      to: COMPANY.number,
      attempt: '0',
    });
    const hook = await fetch(`${stack.hookUrl}/internal/sip/route?${q}`, { headers: { [HOOK_TOKEN_HEADER]: token } });
    await hook.text();
    if (!(await done)) lostDeliveries++;
    if ((i + 1) % 500 === 0) process.stdout.write(`${i + 1} `);
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write('\n');
  for (const s of sessions) {
    s.feed.disconnect();
    s.http.destroy();
  }

  // The companion's own database decides what happened.
  const db = new Database(join(stack.dir, 'switchboard.sqlite'), { readonly: true, fileMustExist: true });
  const rows = db
    .prepare(
      `SELECT n.id, n.caller, n.state, s.name AS claimer FROM notifications n LEFT JOIN staff s ON s.id = n.claimed_by WHERE n.call_id LIKE 'bench-claim-%'`,
    )
    .all() as { id: string; caller: string; state: string; claimer: string | null }[];
  db.close();
  let double = 0;
  let unclaimed = 0;
  for (const row of rows) {
    const list = answers.get(row.id) ?? [];
    const winners = new Set(list.filter((a) => a.status === 200).map((a) => a.name));
    const named = new Set(list.filter((a) => a.status === 409).map((a) => a.name));
    if (
      winners.size > 1 ||
      (row.claimer && [...winners].some((w) => w !== row.claimer)) ||
      [...named].some((n) => n !== row.claimer)
    )
      double++;
    if (!row.claimer) unclaimed++;
  }
  const lost = RACES - rows.length + lostDeliveries + unclaimed;
  const statuses = [...answers.values()]
    .flat()
    .reduce<Record<number, number>>((acc, a) => ((acc[a.status] = (acc[a.status] ?? 0) + 1), acc), {});
  // Half a million samples: no spread into Math.min/max.
  const s = {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.reduce((a, b) => Math.max(a, b), 0),
    n: latencies.length,
  };
  console.log('\nClaim races (definitions):');
  for (const [k, v] of Object.entries(CLAIMS_DEFINITIONS)) console.log(`  ${k}: ${v}`);
  console.log(
    `\nclaims: ${RACES} races x ${CLAIMERS} claimers in ${seconds.toFixed(1)} s; answers by status ${JSON.stringify(statuses)}`,
  );
  console.log(
    `claims: double claims ${double} (must be 0), lost notifications ${lost} (must be 0: ${RACES - rows.length} not stored, ${lostDeliveries} not delivered to every claimer, ${unclaimed} unclaimed)`,
  );
  console.log(
    `claims: claim latency p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n ${s.n})`,
  );
  return {
    races: RACES,
    claimers: CLAIMERS,
    seconds,
    double,
    lost,
    p50: s.p50,
    p99: percentile(latencies, 99),
    statuses,
  };
}
