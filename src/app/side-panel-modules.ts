// Everything the workspace's side panels need, behind one dynamic import so they arrive as one chunk.
export { ChangePasswordDialog } from '../features/auth/change-password-dialog';
export { CallHistory } from '../features/calls/call-history';
export { DeviceSettings } from '../features/calls/device-settings';
export { ContactPage } from '../features/contacts/contact-page';
export { ContactsPanel } from '../features/contacts/contacts-panel';
export { MyBindings } from '../features/engagement/my-bindings';
export { SaveContactPrompts } from '../features/engagement/save-contact-prompt';
export { AllNotificationsPanel } from '../features/unknown-contacts/all-notifications-panel';
export { FollowUpsPanel } from '../features/unknown-contacts/follow-ups-panel';
export { UnknownCallersPanel } from '../features/unknown-contacts/unknown-callers-panel';
export { InboxPanel } from '../features/voicemail/inbox-panel';
