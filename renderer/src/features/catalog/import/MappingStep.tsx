import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, PLATFORMS, type ImportField, type ImportPreview, type Platform } from '../../../../../electron/contract';
import { encodingLabel } from './import-text';
import type { ImportFlow } from './useImportFlow';

type Column = ImportPreview['columns'][number];

/** What was detected, and each column → the field it feeds (prefilled; every change re-previews). */
export function MappingStep({ flow }: { flow: ImportFlow }) {
  const { t } = useTranslation();
  const preview = flow.preview!;
  const fieldLabel = (f: ImportField) => t(`catalog.import.fields.${f}`);
  const options = [{ value: '', label: t('catalog.import.ignore') }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) }))];
  const counts = new Map<ImportField, number>();
  for (const f of flow.mapping) if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
  const hasKey = flow.mapping.includes('sku') || flow.mapping.includes('handle') || flow.mapping.includes('platformId');
  const cellsText = (cells: string[]) => cells.filter((c) => c.trim() !== '').slice(0, 5).join(' | ').slice(0, 60) || '—';
  const headerOptions = preview.headerCandidates.map((c) => ({ value: c.row, label: t('catalog.import.headerOption', { row: c.row, cells: cellsText(c.cells) }) }));

  return (
    <div>
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 12 }} data-testid="import-detected">
        <Descriptions.Item label={t('catalog.import.file')}>{preview.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.import.encoding')}>
          <span data-testid="import-encoding">{encodingLabel(preview.encoding, t)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.import.layout')}>
          <Tag color="blue" data-testid="import-layout" data-layout={preview.layout}>
            {t(`catalog.import.layouts.${preview.layout}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.import.rows')}>{preview.totalRows.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.import.columns')}>{preview.columns.length}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.import.mappingSource')}>{t(`catalog.import.sources.${preview.mappingSource}`)}</Descriptions.Item>
      </Descriptions>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('catalog.import.headerRow')}</Typography.Text>
        <Tooltip title={t('catalog.import.headerPickHelp')}>
          <QuestionCircleOutlined style={{ opacity: 0.6 }} />
        </Tooltip>
        <span data-testid="import-header-row" data-row={preview.headerRow} data-detected={String(preview.headerDetected)}>
          <Tag color={preview.headerDetected ? 'green' : 'gold'} style={{ marginInlineEnd: 0 }}>
            {t('catalog.import.headerRowValue', { row: preview.headerRow })} · {t(preview.headerDetected ? 'catalog.import.headerDetected' : 'catalog.import.headerPicked')}
          </Tag>
        </span>
        <Select<number>
          size="small"
          value={preview.headerRow}
          options={headerOptions}
          onChange={(row) => void flow.pickHeader(row)}
          disabled={flow.busy}
          popupMatchSelectWidth={false}
          style={{ width: 380 }}
          aria-label={t('catalog.import.headerRow')}
          data-testid="import-header-pick"
        />
        <Typography.Text strong style={{ marginInlineStart: 12 }}>{t('catalog.import.platform')}</Typography.Text>
        <Select<Platform>
          size="small"
          value={preview.platform}
          options={PLATFORMS.map((p) => ({ value: p, label: t(`shows.platforms.${p}`) }))}
          onChange={(p) => void flow.pickPlatform(p)}
          disabled={flow.busy}
          style={{ width: 140 }}
          data-testid="import-platform"
        />
        {preview.pictures !== undefined && (
          <Typography.Text type="secondary" data-testid="import-pictures">
            {t('catalog.import.pictures')}: {preview.pictures}
          </Typography.Text>
        )}
      </Flex>
      {!hasKey && <Alert type="warning" showIcon title={t('catalog.import.needKey')} style={{ marginBottom: 12 }} data-testid="import-need-key" />}
      <Table<Column>
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={preview.columns}
        scroll={{ y: 340 }}
        loading={flow.busy}
        data-testid="import-mapping"
        columns={[
          { title: '#', width: 48, render: (_, c) => c.index + 1 },
          { title: t('catalog.import.column'), dataIndex: 'header', width: 200, ellipsis: true, render: (h: string) => <Typography.Text strong>{h || '—'}</Typography.Text> },
          {
            title: t('catalog.import.samples'),
            dataIndex: 'samples',
            ellipsis: true,
            render: (samples: string[]) => <Typography.Text type="secondary">{samples.join(' · ')}</Typography.Text>,
          },
          {
            title: t('catalog.import.mapsTo'),
            width: 260,
            render: (_, c) => {
              const field = flow.mapping[c.index] ?? null;
              return (
                <Select
                  size="small"
                  showSearch={{ optionFilterProp: 'label' }}
                  value={field ?? ''}
                  options={options}
                  style={{ width: '100%' }}
                  status={field && (counts.get(field) ?? 0) > 1 ? 'warning' : undefined}
                  disabled={flow.busy}
                  onChange={(v: string) => void flow.remap(c.index, (v || null) as ImportField | null)}
                  data-testid={`map-${c.index}`}
                  data-field={field ?? ''}
                />
              );
            },
          },
        ]}
      />
    </div>
  );
}
