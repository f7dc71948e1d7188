/** Placeholder: being built. */
export function OfficerScreen(props: { id: number }) {
  void props;
  return <p>…</p>;
}
