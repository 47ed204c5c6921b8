import { useState } from 'react';
import { PanelBoundary } from '../../components/ui/panel-boundary';
import { Tabs } from '../../components/ui/tabs';
import { CompanyNumberPage } from './company/company-number-page';
import { ContactsPage } from './contacts/contacts-page';
import { GreetingsPage } from './greetings/greetings-page';
import { MainNumberPage } from './main/main-number-page';
import { NumbersPage } from './numbers/numbers-page';
import { PresenceSettingsPage } from './presence/presence-settings-page';
import { requestLeave, UnsavedChangesDialog } from './settings-form';
import { StaffPage } from './staff/staff-page';

const section = (name: string, content: React.ReactNode) => <PanelBoundary name={name}>{content}</PanelBoundary>;

/** Everything an admin configures: numbers and their routing, the company and main numbers, staff, contacts. */
export function AdminConsole() {
  const [tab, setTab] = useState('numbers');
  return (
    <section className="admin" aria-label="Admin console">
      <UnsavedChangesDialog />
      <Tabs
        label="Admin sections"
        value={tab}
        onChange={(next) => requestLeave(() => setTab(next))}
        items={[
          { value: 'numbers', label: 'Numbers', content: section('Numbers', <NumbersPage />) },
          { value: 'company', label: 'Company number', content: section('Company number', <CompanyNumberPage />) },
          { value: 'main', label: 'Main number', content: section('Main number', <MainNumberPage />) },
          { value: 'greetings', label: 'Greetings', content: section('Greetings', <GreetingsPage />) },
          { value: 'staff', label: 'Staff', content: section('Staff', <StaffPage />) },
          { value: 'presence', label: 'Presence', content: section('Presence', <PresenceSettingsPage />) },
          { value: 'contacts', label: 'Contacts', content: section('Contacts', <ContactsPage />) },
        ]}
      />
    </section>
  );
}
