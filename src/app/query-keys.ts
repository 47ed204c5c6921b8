/**
 * Every key of the client's server data, in one place. A key is a path: invalidating a prefix refetches
 * everything under it (`numbers.all` takes each number and its changes with it).
 */
export const queryKeys = {
  me: ['me'] as const,
  callerIds: {
    all: ['me', 'caller-ids'] as const,
    forCallee: (callee: string | undefined) => ['me', 'caller-ids', callee ?? ''] as const,
  },
  myBindings: ['me', 'bindings'] as const,
  calls: ['calls'] as const,
  voicemail: ['voicemail'] as const,
  notifications: ['notifications'] as const,
  numbers: {
    all: ['numbers'] as const,
    one: (id: string) => ['numbers', id] as const,
    changes: (id: string) => ['numbers', id, 'changes'] as const,
  },
  greetings: ['greetings'] as const,
  staff: ['staff'] as const,
  contacts: {
    all: ['contacts'] as const,
    search: (q: string, offset: number) => ['contacts', 'search', q, offset] as const,
    one: (id: string) => ['contacts', 'one', id] as const,
    timeline: (id: string) => ['contacts', 'timeline', id] as const,
  },
  contactItemTypes: ['contact-item-types'] as const,
  board: {
    all: ['board'] as const,
    snapshot: ['board', 'snapshot'] as const,
    timeline: (staffId: string, day: string | undefined) => ['board', 'timeline', staffId, day ?? 'today'] as const,
  },
  org: {
    businessHours: ['org', 'business-hours'] as const,
    presenceSettings: ['org', 'presence-settings'] as const,
  },
};

/** Everything the signed-in user's own data holds under `me`, but not who they are. */
export const isMyData = (q: { queryKey: readonly unknown[] }) => q.queryKey[0] === 'me' && q.queryKey.length > 1;
