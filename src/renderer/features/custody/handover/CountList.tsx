import { memo, useMemo } from 'react';
import type { HandoverWeapon } from '../../../../shared/contract/custody';
import { useHandoverLabels } from './labels';

interface Location {
  name: string;
  weapons: HandoverWeapon[];
}

/** The expected weapons by location (core sends them ordered by location, then national code). */
function byLocation(weapons: readonly HandoverWeapon[]): Location[] {
  const map = new Map<string, HandoverWeapon[]>();
  for (const w of weapons) {
    const list = map.get(w.location);
    if (list) list.push(w);
    else map.set(w.location, [w]);
  }
  return [...map].map(([name, list]) => ({ name, weapons: list }));
}

/** Tick boxes for every weapon the book puts on the shelves, one group per location. */
export function CountList(props: {
  weapons: readonly HandoverWeapon[];
  counted: ReadonlySet<number>;
  onToggle: (id: number, on: boolean) => void;
  onTickAll: (ids: readonly number[]) => void;
}) {
  const locations = useMemo(() => byLocation(props.weapons), [props.weapons]);
  return (
    <div className="ho-locations" data-testid="handover-locations">
      {locations.map((l) => {
        const ticked = l.weapons.reduce((n, w) => n + (props.counted.has(w.id) ? 1 : 0), 0);
        // A key of the ticks inside this location: the other locations do not re-render.
        const key = l.weapons.map((w) => (props.counted.has(w.id) ? '1' : '0')).join('');
        return <LocationGroup key={l.name} location={l} ticks={key} ticked={ticked} counted={props.counted} onToggle={props.onToggle} onTickAll={props.onTickAll} />;
      })}
    </div>
  );
}

const LocationGroup = memo(
  function LocationGroup(props: {
    location: Location;
    ticks: string;
    ticked: number;
    counted: ReadonlySet<number>;
    onToggle: (id: number, on: boolean) => void;
    onTickAll: (ids: readonly number[]) => void;
  }) {
    const labels = useHandoverLabels();
    const { location } = props;
    const total = location.weapons.length;
    const done = props.ticked === total;
    return (
      <fieldset className={`ho-location${done ? ' ho-location--done' : ''}`} data-testid="handover-location" data-location={location.name}>
        <legend>
          {location.name || labels.t('count.noLocation')}{' '}
          <span className="ho-location__count" data-testid="location-count">
            {labels.t('count.locationCount', { counted: labels.number(props.ticked), total: labels.number(total) })}
          </span>
        </legend>
        <button
          type="button"
          className="reg-button ho-location__all"
          disabled={done}
          onClick={() => props.onTickAll(location.weapons.map((w) => w.id))}
          data-testid="tick-location"
        >
          {labels.t('count.tickLocation', { location: location.name || labels.t('count.noLocation') })}
        </button>
        <ul className="ho-weapons">
          {location.weapons.map((w) => (
            <li key={w.id}>
              <label className="ho-weapon">
                <input
                  type="checkbox"
                  checked={props.counted.has(w.id)}
                  onChange={(e) => props.onToggle(w.id, e.target.checked)}
                  data-testid="handover-tick"
                  data-weapon={w.id}
                  data-code={w.nationalCode}
                />
                <span className="code">{w.nationalCode}</span>
                <span className="code">{w.serial}</span>
                <span>{`${labels.weaponType(w.type)} · ${w.model}`}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    );
  },
  // Only this location's ticks (and handlers) matter; the shared set changes on every tick anywhere.
  (a, b) => a.location === b.location && a.ticks === b.ticks && a.onToggle === b.onToggle && a.onTickAll === b.onTickAll,
);
