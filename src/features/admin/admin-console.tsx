import type { ReactNode } from 'react';
import { PanelBoundary } from '../../components/ui/panel-boundary';
import { CompanyNumberPage } from './company/company-number-page';
import { ContactsPage } from './contacts/contacts-page';
import { GreetingsPage } from './greetings/greetings-page';
import { MainNumberPage } from './main/main-number-page';
import { NumberDetails } from './numbers/number-details';
import { NumbersList } from './numbers/numbers-list';
import { PresenceSettingsPage } from './presence/presence-settings-page';
import { UnsavedChangesDialog } from './settings-form';
import { StaffPage } from './staff/staff-page';

export type AdminConsoleSection = 'numbers' | 'company' | 'main' | 'greetings' | 'staff' | 'presence' | 'contacts';

/**
 * Everything an admin configures, one section at a time (the app's routes choose which): numbers and their
 * routing, the company and main numbers, greetings, staff, presence settings, contacts.
 */
export function AdminConsole({
  section,
  numberId,
  onOpenNumber,
  onAllNumbers,
}: {
  section: AdminConsoleSection;
  /** On the numbers section: the number whose page is open. */
  numberId?: string;
  onOpenNumber: (id: string) => void;
  onAllNumbers: () => void;
}) {
  const pages: Record<AdminConsoleSection, [string, ReactNode]> = {
    numbers: [
      'Numbers',
      numberId ? <NumberDetails id={numberId} onBack={onAllNumbers} /> : <NumbersList onOpen={onOpenNumber} />,
    ],
    company: ['Company number', <CompanyNumberPage />],
    main: ['Main number', <MainNumberPage />],
    greetings: ['Greetings', <GreetingsPage />],
    staff: ['Staff', <StaffPage />],
    presence: ['Presence', <PresenceSettingsPage />],
    contacts: ['Contacts', <ContactsPage />],
  };
  const [name, page] = pages[section];
  return (
    <section className="admin" aria-label="Admin console">
      {/* Only admin settings forms hold unsaved edits, so the question lives with them (and their chunk). */}
      <UnsavedChangesDialog />
      <PanelBoundary key={`${section}:${numberId ?? ''}`} name={name}>
        {page}
      </PanelBoundary>
    </section>
  );
}
