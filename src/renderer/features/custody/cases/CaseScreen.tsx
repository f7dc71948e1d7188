/** Placeholder: being built. */
export function CaseScreen(props: { id: number }) {
  void props;
  return <p>…</p>;
}
