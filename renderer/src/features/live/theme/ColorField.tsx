import { ColorPicker, Flex, Input, Typography } from 'antd';
import { useState } from 'react';

const HEX = /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/;

/** A theme colour: a swatch with a picker, its name, and the hex code to type or paste. */
export function ColorField({ label, value, onChange, testId }: { label: string; value: string; onChange(hex: string): void; testId: string }) {
  // What is typed, while it is not a whole colour yet; the theme's value otherwise.
  const [typing, setTyping] = useState<string | null>(null);
  const text = typing ?? value;
  const valid = HEX.test(text);
  return (
    <Flex align="center" gap={8} style={{ marginBottom: 6 }}>
      <ColorPicker size="small" value={value} onChange={(color) => onChange(color.toHexString())} data-testid={`${testId}-picker`} />
      <Typography.Text style={{ flex: 1, fontSize: 12 }} ellipsis>
        {label}
      </Typography.Text>
      <Input
        size="small"
        value={text}
        status={valid ? undefined : 'error'}
        maxLength={9}
        spellCheck={false}
        onChange={(e) => {
          const next = e.target.value.trim();
          setTyping(next);
          if (HEX.test(next)) onChange(next.toLowerCase());
        }}
        onBlur={() => setTyping(null)}
        style={{ width: 100, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}
        aria-label={label}
        data-testid={testId}
      />
    </Flex>
  );
}
