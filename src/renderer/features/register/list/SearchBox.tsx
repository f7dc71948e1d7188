import { useRef, useState, type KeyboardEvent } from 'react';
import { SEARCH_MAX } from '../../../../shared/contract/register';
import { useErrorText } from '../../../components/errors';
import { call } from '../../../lib/client';
import { useLabels } from '../labels';

/**
 * Search box and scanner input in one. Typing filters the register (partial serial or national
 * code); Enter, which a barcode scanner sends after the code, looks the code up exactly and opens
 * the weapon when exactly one matches. After a miss the text is selected so the next scan replaces it.
 */
export function SearchBox(props: {
  value: string;
  onChange: (v: string) => void;
  onOpen: (id: number) => void;
  onSearchNow: (v: string) => void;
  onArrowDown: () => void;
  status: React.ReactNode;
}) {
  const labels = useLabels();
  const errors = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);

  const lookup = async (code: string) => {
    if (!code.trim()) return;
    const r = await call('weapons.lookup', { code });
    if (!r.ok) return setMessage(errors.operation(r.error));
    const [first] = r.value;
    if (r.value.length === 1 && first) return props.onOpen(first.id);
    setMessage(r.value.length === 0 ? labels.t('register:search.notFound', { code: code.trim() }) : labels.t('register:search.several', { count: r.value.length }));
    props.onSearchNow(code);
    input.current?.select();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void lookup(e.currentTarget.value);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      props.onArrowDown();
    } else if (e.key === 'Escape' && props.value) {
      props.onChange('');
      setMessage(null);
    }
  };

  return (
    <div className="reg-search">
      <label htmlFor="reg-search-input">{labels.t('register:search.label')}</label>
      <input
        id="reg-search-input"
        ref={input}
        type="search"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        maxLength={SEARCH_MAX}
        value={props.value}
        placeholder={labels.t('register:search.placeholder')}
        aria-describedby="reg-search-status"
        onChange={(e) => {
          setMessage(null);
          props.onChange(e.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <div id="reg-search-status" className="reg-search__status" aria-live="polite" data-testid="search-status">
        {message ?? props.status}
      </div>
    </div>
  );
}
