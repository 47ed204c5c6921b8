import {
  Delete,
  Grid3x3,
  Mic,
  MicOff,
  Pause,
  Phone,
  PhoneIncoming,
  PhoneOff,
  Play,
  X,
  type LucideIcon,
} from 'lucide-react';

/** The app's icons (Lucide), by what they stand for. Always beside words: an icon is never a control's only label. */
const ICONS = {
  call: Phone,
  answer: PhoneIncoming,
  'hang-up': PhoneOff,
  decline: PhoneOff,
  mute: MicOff,
  unmute: Mic,
  hold: Pause,
  resume: Play,
  keypad: Grid3x3,
  delete: Delete,
  dismiss: X,
} satisfies Record<string, LucideIcon>;

export type IconName = keyof typeof ICONS;

/** An icon hidden from assistive technology (the words next to it carry the meaning), sized to the text. */
export function Icon({ name }: { name: IconName }) {
  const Glyph = ICONS[name];
  return <Glyph className="icon" aria-hidden="true" focusable="false" size="1.1em" strokeWidth={2.25} />;
}
