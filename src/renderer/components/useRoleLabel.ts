import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/domain/enums';
import { StatusContext } from '../app/navigation';

/**
 * A role's name as the people using this register know it: at the national commission a manager
 * runs the national register, not an armoury (i18next context `commission`, falling back to the
 * armoury's word where both are the same).
 */
export function useRoleLabel(): (role: Role) => string {
  const { t } = useTranslation('enums');
  const status = useContext(StatusContext);
  const context = status?.kind === 'commission' ? 'commission' : undefined;
  return (role) => t(`role.${role}`, context ? { context } : {});
}
