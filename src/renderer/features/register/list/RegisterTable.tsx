import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { RegisterSort } from '../../../../shared/contract/register';
import type { WeaponRow } from '../../../../shared/domain/weapon';
import { useLabels } from '../labels';
import { StatusBadge } from '../StatusBadge';
import type { RegisterPager } from './pager';
import { ROW_HEIGHT, clampVirtual, geometry, isScaled, offsetToShow, toReal, toVirtual, visibleRange } from './scaledScroll';

interface Column {
  id: string;
  sort?: RegisterSort;
  cell: (row: WeaponRow) => React.ReactNode;
}

export interface TableProps {
  pager: RegisterPager;
  sort: RegisterSort;
  dir: 'asc' | 'desc';
  onSort: (sort: RegisterSort) => void;
  onOpen: (id: number) => void;
  initialActive: number;
  onActiveChange: (index: number) => void;
}

/**
 * The register as a virtualized grid. Rows are drawn in a sticky layer at `index × ROW_HEIGHT −
 * offset`, where offset is the virtual scroll position (see scaledScroll.ts); a spacer gives the
 * scrollbar its (capped) length. One tab stop: arrows, Page Up/Down, Home/End move the active row,
 * Enter opens its dossier.
 */
export function RegisterTable(props: TableProps) {
  const { pager } = props;
  const labels = useLabels();
  useSyncExternalStore(pager.subscribe, pager.getVersion);
  const rows = pager.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(ROW_HEIGHT * 12);
  const [offset, setOffset] = useState(0);
  // Not clamped here: the row count is unknown until the first page answers.
  const [active, setActive] = useState(props.initialActive);
  const offsetRef = useRef(0);
  const written = useRef<number | null>(null);
  const g = useMemo(() => geometry(rows, viewport), [rows, viewport]);

  // Fill the window below the table's top, whatever the shell around it.
  useLayoutEffect(() => {
    const fit = () => {
      const el = scrollRef.current;
      if (el) setViewport(Math.max(ROW_HEIGHT * 5, Math.floor(window.innerHeight - el.getBoundingClientRect().top - 12)));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);

  const moveTo = useCallback(
    (virtual: number) => {
      const v = clampVirtual(g, virtual);
      offsetRef.current = v;
      setOffset(v);
      const el = scrollRef.current;
      if (el) {
        el.scrollTop = toReal(g, v);
        written.current = el.scrollTop;
      }
    },
    [g],
  );

  // A scroll we did not write ourselves comes from the scrollbar: map it proportionally.
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    if (written.current !== null && Math.abs(el.scrollTop - written.current) < 1) return;
    written.current = null;
    const v = toVirtual(g, el.scrollTop);
    offsetRef.current = v;
    setOffset(v);
  };

  // When scaled, the wheel moves rows 1:1 instead of jumping by the scale factor.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !isScaled(g)) return;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.deltaY === 0) return; // zoom and sideways scrolling stay the browser's
      e.preventDefault();
      const unit = e.deltaMode === 1 ? ROW_HEIGHT : e.deltaMode === 2 ? g.viewport : 1;
      moveTo(offsetRef.current + e.deltaY * unit);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [g, moveTo]);

  // Back from a dossier: show the row the user had chosen.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || rows === 0) return;
    restored.current = true;
    const i = Math.min(active, rows - 1); // the register may have shrunk meanwhile
    if (i !== active) setActive(i);
    if (i > 0) moveTo(offsetToShow(g, 0, i));
  }, [rows, active, g, moveTo]);

  const range = visibleRange(g, offset, rows);
  useEffect(() => pager.want(range.first, range.last), [pager, range.first, range.last]);

  const { onActiveChange, onOpen } = props;
  const activate = (index: number) => {
    const i = Math.min(Math.max(0, index), rows - 1);
    if (i < 0) return;
    setActive(i);
    onActiveChange(i);
    moveTo(offsetToShow(g, offsetRef.current, i));
  };

  const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return; // keys on a header button are that button's
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: rows - 1 };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      activate(to);
    } else if (e.key === 'Enter') {
      const row = pager.row(active);
      if (row) {
        e.preventDefault();
        onOpen(row.id);
      }
    }
  };

  const columns: Column[] = [
    { id: 'id', sort: 'registered', cell: (r) => labels.number(r.id) },
    { id: 'nationalCode', sort: 'nationalCode', cell: (r) => r.nationalCode },
    { id: 'serial', sort: 'serial', cell: (r) => r.serial },
    { id: 'makeModel', cell: (r) => `${r.manufacturer} ${r.model}` },
    { id: 'type', sort: 'type', cell: (r) => labels.type(r.type) },
    { id: 'calibre', sort: 'calibre', cell: (r) => r.calibre },
    { id: 'agency', sort: 'agency', cell: (r) => labels.agency(r.agency) },
    { id: 'location', cell: (r) => r.location },
    { id: 'status', sort: 'status', cell: (r) => <StatusBadge status={r.status} /> },
  ];

  const rendered = [];
  for (let i = range.first; i <= range.last; i++) {
    const row = pager.row(i);
    rendered.push(
      <div
        key={i}
        id={`reg-row-${i}`}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={i === active}
        className={`reg-grid reg-row${i === active ? ' reg-row--active' : ''}${row ? '' : ' reg-row--loading'}`}
        style={{ top: i * ROW_HEIGHT - offset }}
        data-weapon-id={row?.id}
        onClick={() => {
          activate(i);
          if (row) onOpen(row.id);
        }}
      >
        {columns.map((c) => (
          <div key={c.id} role="gridcell" className={`reg-cell reg-cell--${c.id}`}>
            {row ? c.cell(row) : c.id === 'nationalCode' ? '…' : ''}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div
      className="reg-table"
      role="grid"
      aria-label={labels.t('register:list.tableLabel')}
      aria-rowcount={rows + 1}
      aria-activedescendant={rows > 0 ? `reg-row-${active}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="register-grid"
    >
      <div role="row" aria-rowindex={1} className="reg-grid reg-head">
        {columns.map((c) => (
          <div key={c.id} role="columnheader" className={`reg-cell reg-cell--${c.id}`} aria-sort={c.sort === props.sort ? (props.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
            {c.sort ? (
              <button type="button" className="reg-sort" onClick={() => props.onSort(c.sort as RegisterSort)}>
                {labels.t(`register:list.column.${c.id}`)}
                <span aria-hidden="true">{c.sort === props.sort ? (props.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            ) : (
              labels.t(`register:list.column.${c.id}`)
            )}
          </div>
        ))}
      </div>
      <div ref={scrollRef} className="reg-scroll" style={{ height: viewport }} onScroll={onScroll}>
        <div className="reg-layer" style={{ height: viewport }}>
          {rendered}
        </div>
        <div style={{ height: Math.max(0, g.realHeight - viewport) }} aria-hidden="true" />
      </div>
    </div>
  );
}
