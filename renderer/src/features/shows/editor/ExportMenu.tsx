import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportLang } from '../../../../../electron/contract';
import { useApi } from '../../../lib/api-context';
import { downloadFile } from '../../../lib/files';
import { useNotify } from '../../../lib/notify';
import { exportBundle } from '../bundle-io';

type Format = 'xlsx' | 'html' | 'pdf';

/** Run sheet (XLSX), host cue cards (HTML, PDF) in either language, and the plan bundle. Saves first. */
export function ExportMenu({ showId, flush }: { showId: string; flush(): Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  const run = async (job: () => Promise<string>) => {
    setBusy(true);
    try {
      await flush();
      notify.success(t('plan.export.done', { file: await job() }));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };
  const runsheet = (format: Format, lang: ExportLang) =>
    run(() =>
      downloadFile(
        api,
        `/shows/${encodeURIComponent(showId)}/runsheet?format=${format}&lang=${lang}`,
        () => api.call('shows.runsheet', { id: showId, format, lang }),
        `runsheet.${format}`,
      ),
    );

  const group = (lang: ExportLang): NonNullable<MenuProps['items']>[number] => ({
    type: 'group',
    key: lang,
    label: t(lang === 'en' ? 'plan.export.english' : 'plan.export.chinese'),
    children: (['xlsx', 'html', 'pdf'] as const).map((f) => ({
      key: `${f}-${lang}`,
      label: t(`plan.export.${f}`),
      onClick: () => void runsheet(f, lang),
      'data-testid': `export-${f}-${lang}`,
    })),
  });
  const items: MenuProps['items'] = [
    group('zh-CN'),
    group('en'),
    { type: 'divider' },
    { key: 'bundle', label: t('plan.export.bundle'), onClick: () => void run(() => exportBundle(api, showId)), 'data-testid': 'export-bundle' } as never,
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export-menu">
        {t('plan.export.title')}
      </Button>
    </Dropdown>
  );
}
