import type { RingTarget } from '../../common/domain/route-decision';

export type TargetConfig = { sipDomain: string; pstnGateway: string };

/**
 * The SIP URI Kamailio rings for a target: agents by extension in our domain, external numbers at the
 * phone-network gateway, with the extension to dial after answer (and the delay) as URI parameters.
 */
export function targetUri(t: RingTarget, extensionOf: (staffId: string) => string | null, cfg: TargetConfig): string | undefined {
  if (t.kind === 'staff') {
    const ext = extensionOf(t.staffId);
    return ext ? `sip:${ext}@${cfg.sipDomain}` : undefined;
  }
  const params = [t.dialExtension ? `;ext=${encodeURIComponent(t.dialExtension)}` : '', t.dialDelaySeconds ? `;ext-delay=${t.dialDelaySeconds}` : ''].join('');
  return `sip:${t.number}@${cfg.pstnGateway}${params}`;
}
