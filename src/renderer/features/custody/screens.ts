import type { Screen } from '../../app/navigation';

export const CUSTODY_SCREENS = [
  'custody', 'custodyIssue', 'custodyReturn', 'voucher', 'weaponsOut', 'officers', 'officer', 'cases', 'case', 'handover', 'keys',
] as const;
export type CustodyScreenName = (typeof CUSTODY_SCREENS)[number];
export type CustodyScreenState = Extract<Screen, { name: CustodyScreenName }>;

export function isCustodyScreen(screen: Screen): screen is CustodyScreenState {
  return (CUSTODY_SCREENS as readonly string[]).includes(screen.name);
}
