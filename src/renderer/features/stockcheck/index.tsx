import type { Screen } from '../../app/navigation';

/** Placeholder: stock check screens (list with the schedule; one check's count sheet or report). */
export function StockCheckScreen(props: { screen: Extract<Screen, { name: 'stockChecks' | 'stockCheck' }> }) {
  return <section className="reg-screen" data-testid={`${props.screen.name}-screen`} />;
}
