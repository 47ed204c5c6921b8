import { z } from 'zod/mini';

/**
 * What the phone may report about itself: it cannot hear the agent (no microphone, or the browser refuses it)
 * or cannot play the caller (the browser's autoplay policy blocks sound until the agent clicks the page).
 */
export const phoneProblems = ['no-microphone', 'microphone-denied', 'sound-blocked'] as const;
export const phoneProblemSchema = z.enum(phoneProblems);
export type PhoneProblem = z.infer<typeof phoneProblemSchema>;

/**
 * What keeps an agent whose tab is open from taking a call. Each is either a fact the companion holds
 * (Kamailio has no contact for the phone; the tab's heartbeats arrive late on the companion's clock) or a
 * problem the phone reported about itself; any of them makes the agent not routable. One home for the words
 * the agent and the supervisor read.
 */
export const healthIssues = ['not-registered', 'registration-lost', 'heartbeat-late', ...phoneProblems] as const;
export const healthIssueSchema = z.enum(healthIssues);
export type HealthIssue = z.infer<typeof healthIssueSchema>;

/** `routing`: how the routing explanation ("Skipped: …", Who would ring?) names it, after "not routable:". */
export const healthWords: Record<HealthIssue, { problem: string; fix: string; board: string; routing: string }> = {
  'not-registered': {
    problem: 'Your phone is not registered with the SIP server, so calls cannot reach you.',
    fix: 'Wait a moment while it reconnects; if it stays like this, reload the page.',
    board: 'Phone not registered',
    routing: 'phone not registered',
  },
  'registration-lost': {
    problem: 'The SIP server has no registration for your phone, although this page thinks it is connected.',
    fix: 'Reload the page to register again.',
    board: 'Registration lost at the SIP server',
    routing: 'registration lost at the SIP server',
  },
  'heartbeat-late': {
    problem:
      'This tab is answering too slowly (the browser is holding it back in the background, or the ' +
      'computer is too busy), so a call could ring unanswered.',
    fix: 'Bring this tab to the front or give Switchboard a window of its own, and close what slows the computer down.',
    board: 'Tab asleep or too slow',
    routing: 'tab asleep or too slow',
  },
  'no-microphone': {
    problem: 'No microphone was found, so callers would not hear you.',
    fix: 'Plug in a headset or microphone; Switchboard notices it at once.',
    board: 'No microphone',
    routing: 'no microphone',
  },
  'microphone-denied': {
    problem: 'The browser does not let Switchboard use your microphone, so callers would not hear you.',
    fix: 'Allow the microphone for this site (the icon at the left of the address bar); Switchboard notices at once.',
    board: 'Microphone blocked',
    routing: 'microphone blocked by the browser',
  },
  'sound-blocked': {
    problem: 'The browser is blocking sound on this page until you click it, so you would not hear callers.',
    fix: 'Press "Click to enable sound" here; one click anywhere on the page does it too.',
    board: 'Sound blocked by the browser',
    routing: 'sound blocked by the browser',
  },
};

/** Why routing passes over an agent whose health keeps them from taking a call: "not routable: no microphone". */
export const notRoutableWords = (issues: readonly HealthIssue[]): string =>
  `not routable: ${issues.map((issue) => healthWords[issue].routing).join(', ')}`;
