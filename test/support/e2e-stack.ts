import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProductStack, type ProductPorts, type ProductStack } from '../../scripts/stack/product-stack';

/** Ports of the e2e stack: apart from the demo's defaults so a running demo does not collide. */
export const E2E_PORTS: ProductPorts = {
  http: 18080,
  hook: 18081,
  sip: 15060,
  ws: 15066,
  rtpNg: 22300,
  rtpMin: 31000,
  rtpMax: 31199,
  voicemail: 15070,
};

export const E2E_AUTH_SECRET = 'e2e-secret-0123456789abcdef';

/** The real product (rtpengine, Kamailio, companion serving the built app, demo data) in a temp folder. */
export async function startE2eStack(
  ports: Partial<ProductPorts> = {},
  env: Record<string, string> = {},
  opts: { wrapUpSeconds?: number } = {},
): Promise<ProductStack & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  // The voicemail service sits 10 above the SIP port unless told otherwise, so stacks of different files do not collide.
  const voicemail = ports.voicemail ?? (ports.sip ?? E2E_PORTS.sip) + 10;
  const stack = await startProductStack({
    runDir: dir,
    ports: { ...E2E_PORTS, ...ports, voicemail },
    authSecret: E2E_AUTH_SECRET,
    env: { LOG_LEVEL: 'warn', ...env },
  });
  // Tests expect an agent to be available right after a call unless they ask for wrap-up: set as an admin would.
  await setDemoWrapUp(stack.url, opts.wrapUpSeconds ?? 0);
  return {
    ...stack,
    dir,
    async stop() {
      await stack.stop();
      if (!process.env.KEEP_RUN_DIR) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in as the demo admin over HTTP and sets the organisation's wrap-up (the admin API, not the database). */
export async function setDemoWrapUp(url: string, wrapUpSeconds: number): Promise<void> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'admin@acme.test', password: 'switchboard' }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (login.status !== 200 || !cookie) throw new Error(`admin sign-in failed: ${login.status}`);
  const res = await fetch(`${url}/api/org/presence-settings/wrap-up`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin: url, cookie },
    body: JSON.stringify({ wrapUpSeconds }),
  });
  if (res.status !== 200) throw new Error(`setting wrap-up failed: ${res.status} ${await res.text()}`);
  await fetch(`${url}/api/auth/logout`, { method: 'POST', headers: { origin: url, cookie } });
}
