import { createCallRepo, type CallRepo } from './call-repo';
import { createBindingRepo, type BindingRepo } from './binding-repo';
import { createChangeRepo, type ChangeRepo } from './change-repo';
import { createContactRepo, createItemTypeRepo, type ContactRepo, type ItemTypeRepo } from './contact-repo';
import type { Db } from './database';
import { createNumberRepo, type NumberRepo } from './number-repo';
import { createOrgRepo, type OrgRepo } from './org-repo';
import { createOrgSettingsRepo, type OrgSettingsRepo } from './org-settings-repo';
import { createInternalCallRepo, type InternalCallRepo } from './internal-call-repo';
import { createOutboundCallRepo, type OutboundCallRepo } from './outbound-call-repo';
import { createRotationRepo, type RotationRepo } from './rotation-repo';
import { createSessionRepo, type SessionRepo } from './session-repo';
import { createStaffRepo, type StaffRepo } from './staff-repo';
import { createGreetingRepo, type GreetingRepo } from '../voicemail/greeting-repo';
import { createPinRepo, type PinRepo } from '../voicemail/pin-repo';
import { createPresenceSettingsRepo, type PresenceSettingsRepo } from '../presence/presence-settings-repo';
import { createVoicemailRepo, type VoicemailRepo } from '../voicemail/voicemail-repo';

/** Every repository the companion uses, built once over one database. */
export type Repos = {
  db: Db;
  orgs: OrgRepo;
  orgSettings: OrgSettingsRepo;
  staff: StaffRepo;
  sessions: SessionRepo;
  numbers: NumberRepo;
  changes: ChangeRepo;
  rotation: RotationRepo;
  bindings: BindingRepo;
  /** Inbound calls to virtual numbers: their state, rings and offers. */
  calls: CallRepo;
  contacts: ContactRepo;
  itemTypes: ItemTypeRepo;
  outboundCalls: OutboundCallRepo;
  internalCalls: InternalCallRepo;
  voicemail: VoicemailRepo;
  greetings: GreetingRepo;
  pins: PinRepo;
  presenceSettings: PresenceSettingsRepo;
  /** Runs `fn` in one transaction: every write in it lands, or none does (nests as a savepoint). */
  transaction<T>(fn: () => T): T;
};

export function createRepos(db: Db): Repos {
  return {
    db,
    orgs: createOrgRepo(db),
    orgSettings: createOrgSettingsRepo(db),
    staff: createStaffRepo(db),
    sessions: createSessionRepo(db),
    numbers: createNumberRepo(db),
    changes: createChangeRepo(db),
    rotation: createRotationRepo(db),
    bindings: createBindingRepo(db),
    calls: createCallRepo(db),
    contacts: createContactRepo(db),
    itemTypes: createItemTypeRepo(db),
    outboundCalls: createOutboundCallRepo(db),
    internalCalls: createInternalCallRepo(db),
    voicemail: createVoicemailRepo(db),
    greetings: createGreetingRepo(db),
    pins: createPinRepo(db),
    presenceSettings: createPresenceSettingsRepo(db),
    transaction: (fn) => db.transaction(fn)(),
  };
}
