import type { AppStatus } from '../../../shared/contract/app';

// Stubs: the setup feature replaces these.
export function SetupScreen(_props: { status: AppStatus; onDone: () => Promise<void> }) {
  return <p>setup</p>;
}
export function StartupErrorScreen(_props: { status: AppStatus }) {
  return <p>error</p>;
}
