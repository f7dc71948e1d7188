import type { Screen } from '../../app/navigation';
import { ChecksScreen } from './list/ChecksScreen';
import { CheckScreen } from './sheet/CheckScreen';
import './stockcheck.css';

/** Stock checks: the list with the schedule, or one check (its count sheet while open, its report once closed). */
export function StockCheckScreen(props: { screen: Extract<Screen, { name: 'stockChecks' | 'stockCheck' }> }) {
  const { screen } = props;
  return screen.name === 'stockChecks' ? <ChecksScreen /> : <CheckScreen key={screen.id} id={screen.id} />;
}
