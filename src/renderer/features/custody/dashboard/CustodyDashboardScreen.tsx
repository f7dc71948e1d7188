/** Placeholder: being built. */
export function CustodyDashboardScreen(props: Record<string, never>) {
  void props;
  return <p>…</p>;
}
