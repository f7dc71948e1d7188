/** Placeholder: being built. */
export function CasesScreen(props: { filter?: 'overdue' | 'closed' | undefined }) {
  void props;
  return <p>…</p>;
}
