/** Placeholder: being built. */
export function OfficersScreen(props: Record<string, never>) {
  void props;
  return <p>…</p>;
}
