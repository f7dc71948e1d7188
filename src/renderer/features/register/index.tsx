// Stubs: the register feature replaces these.
export function RegisterScreen() {
  return <p>register</p>;
}
export function NewWeaponScreen() {
  return <p>new weapon</p>;
}
export function WeaponDossierScreen(_props: { id: number }) {
  return <p>weapon</p>;
}
