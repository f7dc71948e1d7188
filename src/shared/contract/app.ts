import { approverCredentials, language, newPassword, password, setupInput, settingsShape, username, type SessionInfo, type Settings } from '../domain/accounts';
import { z } from '../validation';
import { op } from './define';
import type { Coded } from '../result';

export interface AppStatus {
  /** setup: no armoury yet; ready: a database is open; error: it could not be opened (see error). */
  state: 'setup' | 'ready' | 'error';
  /** The file open: the armoury's, the demo's or the national commission's. */
  database: 'armoury' | 'demo' | 'commission' | null;
  /** What it holds: an armoury register or the national register (the screens and menus follow it). */
  kind: 'armoury' | 'commission' | null;
  armouryExists: boolean;
  armoury: { code: string; name: string; region: string; agency: string; language: 'fr' | 'en' } | null;
  session: SessionInfo | null;
  error: Coded | null;
  /** Demo accounts, shown on the login screen only when the demo armoury is open. */
  demoAccounts: { username: string; password: string; role: string }[];
}

export interface JournalHead {
  seq: number;
  hash: string;
}

const empty = z.object({}).strict();

export const appOps = {
  'app.status': op<AppStatus>()('public', empty),
  'app.setup': op<SessionInfo>()('public', setupInput),
  'app.openDemo': op<AppStatus>()('public', empty),
  'app.openArmoury': op<AppStatus>()('public', empty),
  'auth.login': op<SessionInfo>()('public', z.object({ username, password })),
  'auth.logout': op<null>()('session', empty),
  'auth.lock': op<null>()('session', empty),
  'auth.unlock': op<SessionInfo>()('session', z.object({ password })),
  'auth.changePassword': op<null>()(
    'read',
    z
      .object({ current: password, next: newPassword, confirm: z.string() })
      .refine((v) => v.next === v.confirm, { message: 'passwords_differ', path: ['confirm'] }),
  ),
  'auth.setLanguage': op<SessionInfo>()('session', z.object({ language })),
  'settings.get': op<Settings>()('read', empty),
  'settings.update': op<Settings>()('manage', settingsShape.partial()),
  'journal.head': op<JournalHead>()('read', empty),
};

export { approverCredentials };
