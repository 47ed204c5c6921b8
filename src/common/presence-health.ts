import { z } from 'zod';

/**
 * What keeps an agent whose tab is open from taking a call. Each is either a fact the companion holds
 * (Kamailio has no contact for the phone) or a problem the phone reported about itself; any of them makes
 * the agent not routable. One home for the words the agent and the supervisor read.
 */
export const healthIssues = ['not-registered', 'registration-lost'] as const;
export const healthIssueSchema = z.enum(healthIssues);
export type HealthIssue = z.infer<typeof healthIssueSchema>;

export const healthWords: Record<HealthIssue, { problem: string; fix: string; board: string }> = {
  'not-registered': {
    problem: 'Your phone is not registered with the SIP server, so calls cannot reach you.',
    fix: 'Wait a moment while it reconnects; if it stays like this, reload the page.',
    board: 'Phone not registered',
  },
  'registration-lost': {
    problem: 'The SIP server has no registration for your phone, although this page thinks it is connected.',
    fix: 'Reload the page to register again.',
    board: 'Registration lost at the SIP server',
  },
};
