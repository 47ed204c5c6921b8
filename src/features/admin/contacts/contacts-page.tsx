import { PanelBoundary } from '../../../components/ui/panel-boundary';
import { Tabs } from '../../../components/ui/tabs';
import { ContactsSection } from './contacts-section';
import { ImportSection } from './import-section';
import { ItemTypesSection } from './item-types-section';

/** Contacts, the item types of their additional phones, and CSV import. */
export function ContactsPage() {
  return (
    <Tabs
      label="Contact sections"
      items={[
        {
          value: 'list',
          label: 'All contacts',
          content: (
            <PanelBoundary name="Contacts">
              <ContactsSection />
            </PanelBoundary>
          ),
        },
        {
          value: 'item-types',
          label: 'Item types',
          content: (
            <PanelBoundary name="Item types">
              <ItemTypesSection />
            </PanelBoundary>
          ),
        },
        {
          value: 'import',
          label: 'Import CSV',
          content: (
            <PanelBoundary name="Import">
              <ImportSection />
            </PanelBoundary>
          ),
        },
      ]}
    />
  );
}
