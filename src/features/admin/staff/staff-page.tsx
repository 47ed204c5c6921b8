/** Filled in by the admin console's StaffPage section. */
export function StaffPage() {
  return <p>Loading…</p>;
}
