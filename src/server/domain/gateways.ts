/** PSTN_GATEWAY: one `host:port` or a comma-separated list, tried in order. */
export function parseGateways(value: string): string[] {
  const list = value.split(',').map((g) => g.trim()).filter(Boolean);
  for (const g of list) {
    if (!/^[A-Za-z0-9.-]+(:[0-9]{1,5})?$/.test(g)) throw new Error(`PSTN_GATEWAY: '${g}' is not host:port`);
  }
  if (list.length === 0) throw new Error('PSTN_GATEWAY: name at least one gateway as host:port');
  return list;
}
