/** Filled in by the admin console's ContactsPage section. */
export function ContactsPage() {
  return <p>Loading…</p>;
}
