// Routing under load (`BENCH_PARTS=routing`, also part of "all"): the phone network calls a virtual number whose
// one destination (a sipp phone) answers at once, at 50, 100 and 200 calls/s, then the same rate straight to the
// agent's extension. Prints, per rate, p50/p99 of Kamailio's own routing decision time (the hook round trip) and of
// the INVITE's passage through Kamailio, virtual number against extension, as a ratio measured in the same run.
// Then the same rates again after the demo organisation has grown large (large-org.ts; BENCH_ROUTING_ORG_SCALE,
// 0 to skip), with the decision on the large organisation against the small one as ratios; the growth is removed
// afterwards, so the parts that follow see the demo organisation as before.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { ProductStack } from '../../scripts/stack/product-stack';
import { lookupBench } from './inbound-runs';
import { growLargeOrganisations, LARGE_ORG_SIZES, shrinkLargeOrganisations, type LargeOrgReport } from './large-org';
import { orgRatioTable, rateTable, rowOf, type RateRow } from './routing-report';

const BOOKINGS = '+442071234569'; // 'Viewings & bookings': rings Carol (ext 1003) only
const CAROL = { email: 'carol@acme.test', extension: '1003' };
const RATES = (process.env.BENCH_ROUTING_RATES ?? '50,100,200').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_ROUTING_SECONDS ?? 5);
const ORG_SCALE = Number(process.env.BENCH_ROUTING_ORG_SCALE ?? 1);
const [SMALL, LARGE] = ['small organisation', 'large organisation'];

export const ROUTING_DEFINITIONS = {
  load:
    `Per rate, a sipp UAC places <rate> calls/s for ${SECONDS} s to ${BOOKINGS} (rings Carol, ext ${CAROL.extension}, only), then the same ` +
    'number of calls at the same rate to the extension. Carol is a sipp UAS answering at once; callers hang up 200 ms after the 200.',
  decision:
    "Kamailio's own figure: microseconds around the routing hook call in route[VNUM_ASK] (HTTP to the companion, its decision, the answer).",
  passage:
    "sipp caller's clock just before it sends the INVITE -> sipp agent's clock as the relayed INVITE arrives (one machine, one clock). " +
    'For the virtual number: 100 Trying, async hand-off, decision, location lookup, rtpengine offer; for the extension: location lookup + relay.',
  organisations:
    'small: the seeded demo organisation (6 staff, 6 numbers, 6 contacts). large: the same run continued after the demo organisation ' +
    `grew by ${Object.entries(LARGE_ORG_SIZES)
      .map(([k, v]) => `${Math.round(v * ORG_SCALE)} ${k}`)
      .join(
        ', ',
      )} (call records over 30 days), and a second organisation of that size was added; the number called and whom it rings are unchanged.`,
};

const load1 = () => loadavg()[0]!.toFixed(1);

/** Every rate on one organisation, with the machine's load average (1 min) before and after: the machine is shared. */
async function runRates(stack: ProductStack, org: string, loads: Record<string, string>): Promise<RateRow[]> {
  const rows: RateRow[] = [];
  const before = load1();
  for (const rate of RATES) {
    console.log(
      `\nrouting under load (${org}): ${rate} calls/s for ${SECONDS} s to the virtual number, then to the extension ...`,
    );
    const bench = await lookupBench(stack, {
      virtualNumber: BOOKINGS,
      extension: CAROL.extension,
      agentEmail: CAROL.email,
      rate,
      seconds: SECONDS,
      holdMs: 200,
      directRequests: 0,
      log: (l) => console.log(l),
    });
    rows.push(rowOf(rate, bench));
  }
  loads[org] = `${before} -> ${load1()}`;
  return rows;
}

export async function runRoutingBench(
  stack: ProductStack,
  opts: { root: string },
): Promise<{ small: RateRow[]; large: RateRow[] }> {
  const loads: Record<string, string> = {};
  const small = await runRates(stack, SMALL, loads);
  let large: RateRow[] = [];
  let grown: LargeOrgReport | undefined;
  if (ORG_SCALE > 0) {
    console.log(`\ngrowing the demo organisation (scale ${ORG_SCALE}) and adding a second one ...`);
    const path = join(stack.runDir, 'switchboard.sqlite');
    const counted = (r: LargeOrgReport) =>
      `${(r.ms / 1000).toFixed(1)} s (${(r.cpuMs / 1000).toFixed(1)} s of CPU; one transaction, untimed); rows now: ` +
      Object.entries(r.rows)
        .map(([table, n]) => `${table} ${n}`)
        .join(', ');
    grown = await growLargeOrganisations(path, ORG_SCALE);
    console.log(`  written in ${counted(grown)}`);
    try {
      large = await runRates(stack, LARGE, loads);
    } finally {
      const shrunk = await shrinkLargeOrganisations(path);
      console.log(`  removed again in ${counted(shrunk)}`);
    }
  }
  console.log('\nRouting definitions:');
  for (const [k, v] of Object.entries(ROUTING_DEFINITIONS)) console.log(`  ${k}: ${v}`);
  const title = (org: string) =>
    `\nRouting under load, ${org}, load ${loads[org]} (ms; decision = Kamailio's hook round trip, VN/ext = INVITE through Kamailio)`;
  console.log(`${title(SMALL)}\n${rateTable(small)}`);
  if (grown) {
    console.log(`${title(LARGE)}\n${rateTable(large)}`);
    console.log(`\nDecision, large organisation against small (ms)\n${orgRatioTable(small, large)}`);
  }
  const dir = join(opts.root, '.run/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `routing-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        definitions: ROUTING_DEFINITIONS,
        loads,
        rows: small,
        large: { grown, rows: large },
      },
      null,
      2,
    ),
  );
  console.log(`raw numbers: ${file}`);
  // Lost calls are a figure (the "lost" column), not a failure of the bench; no decision figure at all is.
  const blind = [...small, ...large].filter((r) => r.decision.length === 0);
  if (blind.length)
    throw new Error(`routing bench: no decision figures at ${blind.map((r) => `${r.rate}/s`).join(', ')}`);
  return { small, large };
}
