import { Input, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';

interface Props {
  /** What the cell shows when not editing. */
  display: ReactNode;
  /** The text the input starts with. */
  initial: string;
  /** Check the typed text; a localized message, or null when it may be saved. */
  validate(text: string): string | null;
  /** Save it; a rejected promise keeps the input open (the caller shows why). */
  save(text: string): Promise<void>;
  testId: string;
  label: string;
}

/**
 * A table cell edited in place: click → input, Enter saves, Esc (or leaving the cell) cancels.
 * The message of a value that cannot be saved stays next to the input, in the user's language.
 */
export function InlineNumber({ display, initial, validate, save, testId, label }: Props) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const close = () => {
    setText(null);
    setError(null);
  };

  const commit = async () => {
    if (text === null) return;
    const problem = validate(text);
    setError(problem);
    if (problem) return;
    setSaving(true);
    try {
      await save(text);
      close();
    } catch {
      // The caller showed the error; keep the input open so the value can be fixed.
    } finally {
      setSaving(false);
    }
  };

  if (text === null) {
    return (
      <button
        type="button"
        className="cc-inline-edit"
        aria-label={label}
        title={label}
        data-testid={`${testId}-cell`}
        onClick={(e) => {
          e.stopPropagation();
          setText(initial);
        }}
      >
        {display}
      </button>
    );
  }
  return (
    <Tooltip open={!!error} title={error} color="red" placement="bottom">
      <Input
        size="small"
        autoFocus
        inputMode="decimal"
        value={text}
        status={error ? 'error' : undefined}
        readOnly={saving}
        aria-label={label}
        data-testid={`${testId}-input`}
        style={{ width: '100%', textAlign: 'right' }}
        onFocus={(e) => e.target.select()}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(validate(e.target.value));
        }}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
          if (e.key === 'Escape') close();
        }}
        onBlur={() => !saving && close()}
      />
    </Tooltip>
  );
}
