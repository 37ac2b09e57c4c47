import { InputNumber } from 'antd';
import { currencyDigits, fromMinor, toMinor } from '../../../../lib/money';

/** Money edited in major units (199.00), stored in minor units (19900); empty = null. */
export function MoneyInput({
  value,
  onChange,
  currency,
  placeholder,
  testId,
}: {
  value: number | null;
  onChange(minor: number | null): void;
  currency: string;
  placeholder?: string;
  testId?: string;
}) {
  const digits = currencyDigits(currency);
  return (
    <InputNumber
      min={0}
      precision={digits}
      step={1}
      value={fromMinor(value, currency)}
      onChange={(v) => onChange(toMinor(typeof v === 'number' ? v : null, currency))}
      prefix={currency === 'CNY' ? '¥' : currency === 'USD' ? '$' : currency}
      placeholder={placeholder}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
