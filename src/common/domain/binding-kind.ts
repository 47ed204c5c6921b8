import { z } from 'zod/mini';

/** How a caller is bound to an agent: sticky routing or engagement mode. */
export const bindingKinds = ['sticky', 'engagement'] as const;
export const bindingKindSchema = z.enum(bindingKinds);
export type BindingKind = z.infer<typeof bindingKindSchema>;
