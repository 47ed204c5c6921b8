/** Filled in by the admin console's NumbersPage section. */
export function NumbersPage() {
  return <p>Loading…</p>;
}
