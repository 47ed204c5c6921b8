/**
 * The routing engine's reason for ringing an agent (src/server/routing/: "alternative routing, destination 1 of 2,
 * round robin") said the way a colleague would say it to that agent ("You're next on the Sales line rota").
 * `line` is the number's display name. The engine's wording stays the record (history, "Who would ring?");
 * this is only how the ringing card reads. spoken-reason.test.ts runs the engine to keep both in step.
 */
export function spokenReason(reason: string, line: string): string {
  const [base = '', pattern] = splitPattern(reason);
  const sticky = /^sticky: last spoke to the caller (.+)$/.exec(base);
  if (sticky) return `You spoke to this caller ${sticky[1]}`;
  const engagement = /^engagement: called them on (.+), bound until (.+)$/.exec(base);
  if (engagement) return `You called them on ${engagement[1]} in engagement mode (until ${engagement[2]})`;
  const contact = /^primary agent of contact (.+?)(?: \(newest of \d+ contacts with this number\))?$/.exec(base);
  if (contact) return `You're the agent for ${contact[1]}`;
  const unknown = /^unknown caller: (?:default )?(blast|user|number) rule(?: '(.+)')?$/.exec(base);
  if (unknown)
    return `A new caller on ${line}${unknown[2] ? ` (${unknown[2]})` : ''}: ${unknown[1] === 'blast' ? 'first to answer takes it' : "you're the one to take it"}`;
  const hunt = /^main number hunt group, (in hours|out of hours)$/.exec(base);
  if (hunt) return `You're on the main number's team ${hunt[1]}`;
  // The greeting is shown to whoever answers at reception: it is for them to read out, not a reason.
  const reception = /^main reception \((in hours|out of hours)\)(?:: [\s\S]*)?$/.exec(base);
  if (reception) return `You're main reception ${reception[1]}: the team did not pick up`;
  if (pattern) return patternSentence(pattern, line);
  return baseSentence(base, line);
}

const patterns: [RegExp, (m: RegExpExecArray, line: string) => string][] = [
  [/^round robin$/, (_m, line) => `You're next on the ${line} rota`],
  [/^group rung together$/, (_m, line) => `Your ${line} group is rung together: first to answer takes it`],
  [/^group in order$/, (_m, line) => `You're next in line for ${line}`],
  [
    /^least connected \((\d+) calls? in 24 h\)$/,
    (m, line) => `You've had the fewest calls of the ${line} group in 24 hours (${m[1]})`,
  ],
];

/** "destination of the number, round robin" → ["destination of the number", "round robin"]. */
function splitPattern(reason: string): [string, string | undefined] {
  const at = reason.search(/, (round robin|group rung together|group in order|least connected \()/);
  return at < 0 ? [reason, undefined] : [reason.slice(0, at), reason.slice(at + 2)];
}

function patternSentence(pattern: string, line: string): string {
  for (const [re, say] of patterns) {
    const m = re.exec(pattern);
    if (m) return say(m, line);
  }
  return `You're in the ${line} group`;
}

function baseSentence(base: string, line: string): string {
  if (base === 'destination of the number') return `Calls to ${line} come to you`;
  const alt = /^alternative routing, destination (\d+) of (\d+)$/.exec(base);
  if (alt) return alt[1] === '1' ? `You're first in line for ${line}` : `You're next in line for ${line}`;
  const share = /^percentage routing \((\d+)% share\)$/.exec(base);
  if (share) return `It's your turn on ${line} (you take ${share[1]}% of its calls)`;
  if (/^percentage routing: picked destination unavailable/.test(base))
    return `You're covering ${line}: whoever's turn it was is unavailable`;
  if (base === 'outside time windows: fallback') return `You cover ${line} out of hours`;
  const hours = /^time window (.+)$/.exec(base);
  if (hours) return `You cover ${line} at this time (${hours[1]})`;
  const window = /^(.+) window$/.exec(base);
  if (window) return `You cover ${line} in its ${window[1]} hours`;
  return base.charAt(0).toUpperCase() + base.slice(1);
}
