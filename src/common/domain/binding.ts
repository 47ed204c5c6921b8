import { z } from 'zod';
import { bindingKindSchema } from './binding-kind';
import { e164Schema } from './phone-number';
import { staffIdSchema } from './staff';

export { bindingKinds, bindingKindSchema, type BindingKind } from './binding-kind';

/** A caller bound to an agent through one number (sticky routing or engagement mode). */
export const bindingSchema = z.object({
  kind: bindingKindSchema,
  caller: e164Schema,
  numberId: z.string().min(1),
  staffId: staffIdSchema,
  /** Epoch milliseconds; each interaction slides it to `lastInteractionAt + bindingDays`. */
  expiresAt: z.number().int(),
  /** Epoch milliseconds of the last call between the caller and the agent through the number. */
  lastInteractionAt: z.number().int(),
});
export type Binding = z.infer<typeof bindingSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The binding renewed by an interaction at `at`. */
export function renewBinding(binding: Binding, at: number, bindingDays: number): Binding {
  return { ...binding, lastInteractionAt: at, expiresAt: at + bindingDays * DAY_MS };
}
