import {
  boxInfoSchema,
  HOOK_TOKEN_HEADER,
  portalLoginResultSchema,
  type BoxInfo,
  type NewMessageQuery,
  type PortalLogin,
  type PortalLoginResult,
  type PortalPrompt,
} from '../common/voicemail-hooks';

/** The companion's voicemail hooks (src/common/voicemail-hooks.ts), over loopback HTTP with the hook token. */
export function companionClient(base: string, token: string, timeoutMs = 5000) {
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: { ...init.headers, [HOOK_TOKEN_HEADER]: token },
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res;
  };
  const audio = async (path: string): Promise<Uint8Array> => {
    const res = await call(path);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  return {
    async box(boxId: string): Promise<BoxInfo | undefined> {
      const res = await call(`/internal/voicemail/boxes/${encodeURIComponent(boxId)}`);
      if (res.status === 404) return undefined;
      if (!res.ok) throw new Error(`box ${boxId}: HTTP ${res.status}`);
      return boxInfoSchema.parse(await res.json());
    },
    greeting: (boxId: string) => audio(`/internal/voicemail/audio/greeting/${encodeURIComponent(boxId)}`),
    prompt: (name: PortalPrompt) => audio(`/internal/voicemail/audio/prompt/${name}`),
    messageAudio: (boxId: string, id: string) =>
      audio(`/internal/voicemail/boxes/${encodeURIComponent(boxId)}/messages/${encodeURIComponent(id)}/audio`),
    async heard(boxId: string, id: string): Promise<void> {
      await call(`/internal/voicemail/boxes/${encodeURIComponent(boxId)}/messages/${encodeURIComponent(id)}/heard`, {
        method: 'POST',
      });
    },
    async store(q: NewMessageQuery, wav: Uint8Array): Promise<{ stored: boolean; id?: string; reason?: string }> {
      const params = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
      const res = await call(`/internal/voicemail/messages?${params}`, {
        method: 'POST',
        headers: { 'content-type': 'audio/wav' },
        body: new Blob([wav.slice()]),
      });
      if (!res.ok) throw new Error(`store message: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as { stored: boolean; id?: string; reason?: string };
    },
    async login(body: PortalLogin): Promise<PortalLoginResult> {
      const res = await call('/internal/voicemail/portal/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`portal login: HTTP ${res.status}`);
      return portalLoginResultSchema.parse(await res.json());
    },
  };
}
export type CompanionClient = ReturnType<typeof companionClient>;
