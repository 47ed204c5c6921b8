import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const baseFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

export type Agent = { browser: Browser; page: Page; close(): Promise<void> };

/**
 * The agent's microphone: the tone file (`fake`), no audio input device at all (`none`: Chromium without its
 * fake devices), or the browser's question about the microphone left unanswered, which refuses it (`refused`).
 */
export type Microphone = 'fake' | 'none' | 'refused';
const micFlags = (mic: Microphone, wav: string) =>
  baseFlags
    .filter(
      (f) =>
        !(mic === 'none' && f === '--use-fake-device-for-media-stream') &&
        !(mic === 'refused' && f === '--use-fake-ui-for-media-stream'),
    )
    .concat(mic === 'none' ? [] : [`--use-file-for-fake-audio-capture=${wav}`]);

/**
 * One agent's browser: its own Chromium process, because the fake microphone (a tone file) is per process.
 * Voice processing is turned off so a pure tone arrives as it was sent. WebSockets are tracked so a test
 * can cut the SIP connection as a network drop would.
 */
export async function launchAgent(opts: {
  micWav: string;
  microphone?: Microphone;
  /** More Chromium switches, e.g. V8 logging for a diagnostic run. */
  extraArgs?: string[];
}): Promise<Agent> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...micFlags(opts.microphone ?? 'fake', opts.micWav), ...(opts.extraArgs ?? [])],
  });
  const context = await browser.newContext();
  await context.addInitScript(() => {
    localStorage.setItem('switchboard.voiceProcessing', 'off');
    const Native = window.WebSocket;
    const open: WebSocket[] = [];
    (window as unknown as { __sockets: WebSocket[] }).__sockets = open;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        open.push(this);
      }
    } as typeof WebSocket;
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return { browser, page, close: () => browser.close() };
}

/** Signs in through the real sign-in screen and waits until the phone is registered. */
export async function signInAndRegister(
  page: Page,
  url: string,
  email: string,
  password = 'switchboard',
): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-registration="registered"]').waitFor({ timeout: 30_000 });
}

/** Closes the page's WebSocket(s) to the given port, as a network drop would. */
export function dropWebSocket(page: Page, port: number): Promise<number> {
  return page.evaluate((port) => {
    const sockets = (window as unknown as { __sockets: WebSocket[] }).__sockets.filter(
      (s) => new URL(s.url).port === String(port) && s.readyState === WebSocket.OPEN,
    );
    sockets.forEach((s) => s.close());
    return sockets.length;
  }, port);
}

/** Our id of the page's only unended call. */
export function currentCallId(page: Page): Promise<string> {
  return page.evaluate(() => {
    const sb = (
      window as unknown as {
        switchboard: { phone: { store: { getState(): { calls: { id: string; status: string }[] } } } };
      }
    ).switchboard;
    const live = sb.phone.store.getState().calls.filter((c) => c.status !== 'ended');
    if (live.length !== 1) throw new Error(`expected one live call, found ${live.length}`);
    return live[0]!.id;
  });
}
