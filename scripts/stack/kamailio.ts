import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_RING_SECONDS } from '../../src/common/calls';
import {
  E164_DIGITS,
  E164_PATTERN,
  EXTENSION_PATTERN,
  PHONE_NUMBER_DIGITS,
  PHONE_NUMBER_PATTERN,
} from '../../src/common/dial-plan';
import { hookToken } from '../../src/server/auth/hook-token';
import { gatewaySourceRegex, originRegex, type GatewaySource } from '../../src/server/domain/sip-trust';
import { spawnProcess, type ProcessHandle } from './process-handle';

export interface KamailioOptions {
  runDir: string;
  /** UDP and TCP port for phone-network peers on 127.0.0.1. */
  sipPort: number;
  /** Plain WebSocket port for browsers: ws://127.0.0.1:<wsPort>. */
  wsPort: number;
  /** Shared secret of auth_ephemeral (see ephemeral.ts). */
  authSecret: string;
  /** SIP domain of agents: sip:<ext>@<domain>. */
  domain: string;
  /** rtpengine ng socket, e.g. "udp:127.0.0.1:22222". */
  rtpengineNg: string;
  /** The companion's loopback hook listener (HOOK_PORT): routing lookups, call events, organisations (/internal/sip/*). */
  hookUrl: string;
  /** The phone-network gateways (PSTN_GATEWAY + INBOUND_GATEWAYS, see sip-trust.ts): the only senders trusted without credentials. */
  gateways: GatewaySource[];
  /** Origins a browser may open the WebSocket from (PUBLIC_ORIGINS, as the companion's feed). */
  publicOrigins: string[];
  /**
   * Where a virtual-number call goes when the companion is unreachable: sip:<ext>@<domain> (looked up in
   * location) or an external number at the gateway. Without it such calls get 503.
   */
  failsafeUri?: string;
  /** Kamailio core log level: 1 notice, 2 info (default), 3 debug. */
  debugLevel?: number;
  /** host:port of the voicemail service (the voice portal *98 is relayed there). */
  voicemailAddr?: string;
  /** Shared memory in MB (-m); ~110k contacts per 128 MB. */
  sharedMemoryMb?: number;
}

export const KAMAILIO_DEFAULTS = { sipPort: 5060, wsPort: 5066, domain: '127.0.0.1' } as const;

const here = dirname(fileURLToPath(import.meta.url));
export const KAMAILIO_TEMPLATE = resolve(here, '../../deploy/kamailio/kamailio.cfg.tpl');

export const ctlSocketPath = (runDir: string) => join(runDir, 'kamailio-ctl.sock');
export const kamailioConfigPath = (runDir: string) => join(runDir, 'kamailio.cfg');

/** Values must not break out of a quoted config string. */
function checkValue(key: string, value: string): string {
  if (/["\n\r\\]/.test(value))
    throw new Error(`kamailio config: ${key} must not contain quotes, backslashes or newlines`);
  return value;
}

/** The fail-safe is one SIP URI (it is spliced into a JSON array in the config). */
function checkFailsafe(uri: string): string {
  if (uri !== '' && !/^sips?:[^\s,'$[\]]+$/.test(uri))
    throw new Error(`kamailio config: failsafeUri must be one SIP URI, got ${uri}`);
  return uri;
}

/** Hooks go to the companion's loopback-only listener. */
function checkHookUrl(url: string): string {
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\]):\d+$/.test(url))
    throw new Error(`kamailio config: hookUrl must be http://<loopback>:<port>, got ${url}`);
  return url;
}

/** The hook listener as Kamailio's pooled connection: the token is the Basic password (see hook-guard.ts). */
function hookConnectionUrl(hookUrl: string, token: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(token))
    throw new Error('kamailio config: the hook token must be base64url to sit in a connection URL');
  return hookUrl.replace(/^http:\/\//, `http://kamailio:${token}@`);
}

/** A rendered regex stays inside its quoted config string. */
function checkRegex(re: string): string {
  if (/["\n\r]/.test(re)) throw new Error(`kamailio config: regex ${re} must not contain quotes or newlines`);
  return re;
}

export const VOICEMAIL_DEFAULT_PORT = 5070;

function checkAddr(addr: string): string {
  if (!/^[\w.-]+:\d+$/.test(addr)) throw new Error(`kamailio config: voicemailAddr must be host:port, got ${addr}`);
  return addr;
}

export function renderKamailioConfig(
  opts: KamailioOptions,
  template = readFileSync(KAMAILIO_TEMPLATE, 'utf8'),
): string {
  const values: Record<string, string> = {
    SIP_PORT: String(opts.sipPort),
    WS_PORT: String(opts.wsPort),
    DOMAIN: checkValue('domain', opts.domain),
    AUTH_SECRET: checkValue('authSecret', opts.authSecret),
    RTPENGINE_NG: checkValue('rtpengineNg', opts.rtpengineNg),
    CTL_SOCKET: checkValue('runDir', ctlSocketPath(opts.runDir)),
    HOOK_URL: checkValue('hookUrl', checkHookUrl(opts.hookUrl.replace(/\/+$/, ''))),
    GATEWAY_SOURCES: checkRegex(gatewaySourceRegex(opts.gateways)),
    WS_ORIGINS: checkRegex(originRegex(opts.publicOrigins)),
    HOOK_CON_URL: hookConnectionUrl(checkHookUrl(opts.hookUrl.replace(/\/+$/, '')), hookToken(opts.authSecret)),
    FAILSAFE_URI: checkValue('failsafeUri', checkFailsafe(opts.failsafeUri ?? '')),
    DEBUG_LEVEL: String(opts.debugLevel ?? 2),
    // The dial plan (src/common/dial-plan.ts): constants of ours, so their backslashes are safe.
    EXTENSION_RE: EXTENSION_PATTERN,
    PHONE_NUMBER_RE: PHONE_NUMBER_PATTERN,
    EXTENSION_RING_MS: String(EXTENSION_RING_SECONDS * 1000),
    E164_RE: E164_PATTERN,
    PHONE_NUMBER_DIGITS,
    E164_DIGITS,
    VOICEMAIL_ADDR: checkValue('voicemailAddr', checkAddr(opts.voicemailAddr ?? `127.0.0.1:${VOICEMAIL_DEFAULT_PORT}`)),
  };
  const rendered = template.replace(/\{\{([A-Z0-9_]+)\}\}/g, (match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`kamailio config: unknown placeholder ${match}`);
    return value;
  });
  return rendered;
}

/** True once something accepts TCP connections on 127.0.0.1:port. */
export function tcpPortOpen(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolvePromise(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Renders the config into runDir and starts Kamailio in the foreground (-DD -E). The
 * handle's pid is the spawned main process. Resolves once the WebSocket port listens.
 */
export async function startKamailio(opts: KamailioOptions): Promise<ProcessHandle> {
  const configPath = kamailioConfigPath(opts.runDir);
  writeFileSync(configPath, renderKamailioConfig(opts), { mode: 0o600 });
  const handle = spawnProcess({
    name: 'kamailio',
    command: 'kamailio',
    args: ['-DD', '-E', '-f', configPath, '-Y', opts.runDir, '-m', String(opts.sharedMemoryMb ?? 128), '-M', '16'],
    runDir: opts.runDir,
    redact: [opts.authSecret, hookToken(opts.authSecret)],
    ownGroup: true,
  });
  try {
    await handle.waitFor(() => tcpPortOpen(opts.wsPort), 15_000);
  } catch (err) {
    await handle.stop();
    throw err;
  }
  return handle;
}
