/** Every IANA time zone the browser knows, for a time-zone picker; UTC first. */
export function timeZoneNames(): string[] {
  const names = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...names.filter((n) => n !== 'UTC')];
}

/** "GMT+1", "GMT-5", "GMT" for a zone at a moment (offsets move with summer time). */
export function timeZoneOffset(timeZone: string, at: number): string {
  try {
    const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value === 'GMT+0' ? 'GMT' : (part?.value ?? '');
  } catch {
    return 'unknown zone';
  }
}

/** "Europe/London" → "Europe/London (GMT)"; "America/Argentina/Buenos_Aires" reads with spaces. */
export function timeZoneLabel(timeZone: string, at: number): string {
  return `${timeZone.replace(/_/g, ' ')} (${timeZoneOffset(timeZone, at)})`;
}
