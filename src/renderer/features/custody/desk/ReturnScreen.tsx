/** Placeholder: being built. */
export function ReturnScreen(props: { code?: string | undefined }) {
  void props;
  return <p>…</p>;
}
