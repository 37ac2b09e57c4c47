import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECAP_EXPORT_FORMATS, type ExportLang, type RecapExportFormat } from '../../../../../electron/contract';
import { useApi } from '../../../lib/api-context';
import { downloadFile } from '../../../lib/files';
import { useNotify } from '../../../lib/notify';

/** The recap as HTML, PDF, XLSX, CSV or JSON, in Chinese or English: one click each. */
export function ExportMenu({ showId, runId }: { showId: string; runId?: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async (format: RecapExportFormat, lang: ExportLang) => {
    setBusy(true);
    try {
      const q = `format=${format}&lang=${lang}${runId ? `&runId=${encodeURIComponent(runId)}` : ''}`;
      const file = await downloadFile(api, `/shows/${encodeURIComponent(showId)}/recap/export?${q}`, () => api.call('recaps.export', { id: showId, format, lang, ...(runId ? { runId } : {}) }), `recap.${format}`);
      notify.success(t('recaps.export.done', { file }));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };
  const group = (lang: ExportLang): NonNullable<MenuProps['items']>[number] => ({
    type: 'group',
    key: lang,
    label: t('recaps.export.inLang', { lang: t(lang === 'en' ? 'lang.en' : 'lang.zhCN') }),
    children: RECAP_EXPORT_FORMATS.map((f) => ({ key: `${f}-${lang}`, label: t(`recaps.export.${f}`), onClick: () => void run(f, lang), 'data-testid': `recap-export-${f}-${lang}` })),
  });
  return (
    <Dropdown menu={{ items: [group('zh-CN'), group('en')] }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="recap-export">
        {t('recaps.export.button')}
      </Button>
    </Dropdown>
  );
}
