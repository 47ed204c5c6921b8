/** Filled in by the admin console's MainNumberPage section. */
export function MainNumberPage() {
  return <p>Loading…</p>;
}
