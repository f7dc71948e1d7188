import { transferInInput } from '../../../../shared/contract/register';
import { weaponFields } from '../../../../shared/domain/weapon';
import { z } from '../../../../shared/validation';

/**
 * One form shape for both ways a weapon enters the register. A plain registration carries the
 * transfer fields as unchecked text (and drops them before sending); a transfer-in checks them
 * with the contract's own schema.
 */
export const registerFormSchema = weaponFields.extend({ transferId: z.string(), fromArmoury: z.string(), document: z.string() });
export const transferFormSchema = transferInInput;

export type WeaponFormValues = z.input<typeof transferFormSchema>;
export type WeaponFormOutput = z.output<typeof transferFormSchema>;
