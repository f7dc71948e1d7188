/** Placeholder: being built. */
export function KeysScreen(props: Record<string, never>) {
  void props;
  return <p>…</p>;
}
