import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../../electron/contract';
import { useApi } from '../../lib/api-context';
import { downloadFile } from '../../lib/files';
import { useNotify } from '../../lib/notify';

/**
 * Export the catalog as CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX, archived products
 * included so a re-import restores everything. The browser streams it from the control API; the
 * desktop window gets it through the contract; either way it lands as a download.
 */
export function ExportButtons() {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const [busy, setBusy] = useState<ExportFormat | null>(null);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const name = await downloadFile(
        api,
        `/products/export?format=${format}&includeArchived=true`,
        () => api.call('products.export', { format, includeArchived: true }, { timeoutMs: 10 * 60_000 }),
        `cuecart-products.${format}`,
      );
      notify.success(t('catalog.export.done', { name }));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'csv', label: <span data-testid="export-csv">{t('catalog.export.csv')}</span> },
          { key: 'xlsx', label: <span data-testid="export-xlsx">{t('catalog.export.xlsx')}</span> },
        ],
        onClick: ({ key }) => void run(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy !== null} data-testid="export-button">
        {t('catalog.export.button')}
      </Button>
    </Dropdown>
  );
}
