import type { ErrorKind } from './result';

/**
 * Every error code core can return, with its kind. The UI translates `errors.<code>`;
 * a test checks that each code has a message in both locales.
 */
export const ERROR_CODES = {
  invalid_input: 'validation',
  unknown_operation: 'not_found',
  internal: 'internal',
  auth_required: 'forbidden',
  auth_locked: 'forbidden',
  auth_bad_credentials: 'forbidden',
  auth_account_disabled: 'forbidden',
  forbidden: 'forbidden',
  approver_bad_credentials: 'forbidden',
  approver_same_person: 'validation',
  approver_needs_manager: 'forbidden',
  approver_read_only: 'forbidden',
  wrong_password: 'validation',
  last_manager: 'conflict',
  username_taken: 'conflict',
  user_not_found: 'not_found',
  armoury_exists: 'conflict',
  no_database: 'not_found',
  database_from_future: 'internal',
  database_corrupt: 'internal',
  database_unreadable: 'internal',
  weapon_not_found: 'not_found',
  duplicate_national_code: 'conflict',
  duplicate_serial: 'conflict',
  status_transition: 'conflict',
  correction_no_change: 'validation',
  event_not_found: 'not_found',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_CODES;
