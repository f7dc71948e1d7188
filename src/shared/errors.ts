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
  store_not_found: 'not_found',
  store_code_taken: 'conflict',
  bay_not_found: 'not_found',
  bay_exists: 'conflict',
  lot_not_found: 'not_found',
  override_not_conditional: 'validation',
  incompatible_groups: 'conflict',
  compatibility_override_required: 'conflict',
  neq_limit_exceeded: 'conflict',
  insufficient_quantity: 'conflict',
  issue_not_serviceable: 'conflict',
  outstanding_exceeded: 'conflict',
  lot_suspended: 'conflict',
  condition_unchanged: 'validation',
  move_same_place: 'validation',
  inspection_next_due: 'validation',
  // Warnings: an accepted movement's MovementResult.warnings and a store's warnings carry these.
  neq_near_limit: 'conflict',
  licence_expired: 'conflict',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_CODES;
