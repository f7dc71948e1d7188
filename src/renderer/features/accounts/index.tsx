import type { AppStatus } from '../../../shared/contract/app';
import type { SessionInfo } from '../../../shared/domain/accounts';

// Stubs: the accounts feature replaces these.
export function LoginScreen(_props: { status: AppStatus; onDone: () => Promise<void> }) {
  return <p>login</p>;
}
export function LockScreen(_props: { session: SessionInfo; onDone: () => Promise<void> }) {
  return <p>locked</p>;
}
export function UsersScreen() {
  return <p>users</p>;
}
export function SettingsScreen(_props: { onChange: () => Promise<void> }) {
  return <p>settings</p>;
}
export function AccountScreen(_props: { onChange: () => Promise<void> }) {
  return <p>account</p>;
}
