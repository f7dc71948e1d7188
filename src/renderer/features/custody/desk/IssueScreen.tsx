/** Placeholder: being built. */
export function IssueScreen(props: { officerId?: number | undefined }) {
  void props;
  return <p>…</p>;
}
