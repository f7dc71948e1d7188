/** Placeholder: being built. */
export function VoucherScreen(props: { id: number }) {
  void props;
  return <p>…</p>;
}
