import type { PlannedTarget } from './call-plan';

export type TargetConfig = {
  sipDomain: string;
  pstnGateway: string;
  /** host:port of the voicemail service. */ voicemailSip?: string;
};

/**
 * The SIP URI Kamailio rings for a target: agents by extension in our domain, external numbers at the
 * phone-network gateway (with the extension to dial after answer (and the delay) as URI parameters), voicemail boxes at the voicemail service.
 */
export function targetUri(
  t: PlannedTarget,
  extensionOf: (staffId: string) => string | null,
  cfg: TargetConfig,
): string | undefined {
  if (t.kind === 'staff') {
    const ext = extensionOf(t.staffId);
    return ext ? `sip:${ext}@${cfg.sipDomain}` : undefined;
  }
  if (t.kind === 'voicemail')
    return cfg.voicemailSip ? `sip:vm-${encodeURIComponent(t.boxId)}@${cfg.voicemailSip}` : undefined;
  const params = [
    t.dialExtension ? `;ext=${encodeURIComponent(t.dialExtension)}` : '',
    t.dialDelaySeconds ? `;ext-delay=${t.dialDelaySeconds}` : '',
  ].join('');
  return `sip:${t.number}@${cfg.pstnGateway}${params}`;
}
