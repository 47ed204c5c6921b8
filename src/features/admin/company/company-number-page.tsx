/** Filled in by the admin console's CompanyNumberPage section. */
export function CompanyNumberPage() {
  return <p>Loading…</p>;
}
