import { App } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorLines } from './errors';

/** Toasts for the outcome of an action, with errors in the user's language. */
export function useNotify() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMemo(
    () => ({
      success(text: string) {
        void message.success(text);
      },
      info(text: string) {
        void message.info(text);
      },
      warning(text: string) {
        void message.warning({ content: text, duration: 6 });
      },
      error(error: unknown, label?: (field: string) => string) {
        const lines = errorLines(error, t, label);
        void message.error({
          content: lines.length === 1 ? lines[0] : lines.map((line) => <div key={line}>{line}</div>),
          duration: 5,
        });
      },
    }),
    [message, t],
  );
}
