import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Descriptions, Modal, Radio, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CONFLICT_CHOICES, type BundlePreview, type ConflictChoice } from '../../../../electron/contract';
import { useApi } from '../../lib/api-context';
import { errorLines, toAppError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { normalizeLanguage } from '../../lib/prefs';
import { importBundle, previewBundle } from './bundle-io';

const BUNDLE_REASONS = ['damaged', 'foreign', 'newer_version', 'invalid', 'too_large'] as const;

/**
 * Import a plan bundle: pick the file, see what it holds and which SKUs and hosts already exist
 * here, choose update / keep / copy for those, import (all or nothing), open the new show.
 */
export function BundleImportModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<BundlePreview | null>(null);
  const [refused, setRefused] = useState<string[] | null>(null);
  const [choice, setChoice] = useState<ConflictChoice>('keep');
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setRefused(null);
    setChoice('keep');
  };
  const close = () => {
    reset();
    onClose();
  };

  const pick = async (f: File) => {
    reset();
    setFile(f);
    setBusy(true);
    try {
      setPreview(await previewBundle(api, f));
    } catch (error) {
      setRefused(reasonLines(error));
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const result = await importBundle(api, file, choice);
      await queryClient.invalidateQueries();
      notify.success(t('bundle.imported', { title: result.title }));
      close();
      void navigate(`/shows/${result.showId}`);
    } catch (error) {
      setRefused(reasonLines(error));
    } finally {
      setBusy(false);
    }
  };

  /** Why a bundle was refused, in the user's language; the core's own words for schema problems. */
  const reasonLines = (error: unknown): string[] => {
    const e = toAppError(error);
    const reason = e.details?.reason;
    if (typeof reason === 'string' && (BUNDLE_REASONS as readonly string[]).includes(reason)) {
      return [t(`bundle.reasons.${reason as (typeof BUNDLE_REASONS)[number]}`), ...(reason === 'invalid' ? [e.message] : [])];
    }
    return errorLines(error, t);
  };

  const conflicts = preview ? preview.products.existing.length + preview.hosts.existing.length : 0;
  return (
    <Modal
      open={open}
      title={t('bundle.importTitle')}
      okText={t('bundle.import')}
      cancelText={t('common.cancel')}
      onOk={() => void run()}
      onCancel={close}
      confirmLoading={busy}
      okButtonProps={{ disabled: !preview, 'data-testid': 'bundle-import-ok' } as never}
      width={620}
      data-testid="bundle-import"
    >
      <Upload.Dragger
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(f) => {
          void pick(f);
          return false;
        }}
        data-testid="bundle-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? file.name : t('bundle.pick')}</p>
      </Upload.Dragger>
      {refused && <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('bundle.refused')} description={refused.join(' ')} data-testid="bundle-refused" />}
      {preview && (
        <div style={{ marginTop: 12 }} data-testid="bundle-preview">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('plan.fields.title')} span={2}>
              {preview.show.title} {preview.show.isTemplate && <Tag>{t('shows.template')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('plan.fields.date')}>{formatDateTime(preview.show.startAt, normalizeLanguage(i18n.language))}</Descriptions.Item>
            <Descriptions.Item label={t('shows.columns.cues')}>{preview.show.cues}</Descriptions.Item>
            <Descriptions.Item label={t('bundle.products')}>{preview.products.total}</Descriptions.Item>
            <Descriptions.Item label={t('bundle.hosts')}>{preview.hosts.total}</Descriptions.Item>
          </Descriptions>
          {conflicts > 0 ? (
            <div style={{ marginTop: 12 }}>
              <Typography.Paragraph style={{ marginBottom: 6 }}>
                {t('bundle.existing', { products: preview.products.existing.length, hosts: preview.hosts.existing.length })}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true, symbol: t('bundle.more') }} style={{ fontSize: 12 }}>
                {[...preview.products.existing.map((p) => p.sku), ...preview.hosts.existing.map((h) => h.name)].join(' · ')}
              </Typography.Paragraph>
              <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as ConflictChoice)} data-testid="bundle-choice">
                <Space orientation="vertical">
                  {CONFLICT_CHOICES.map((c) => (
                    <Radio key={c} value={c} data-testid={`choice-${c}`}>
                      <b>{t(`bundle.choices.${c}`)}</b> <Typography.Text type="secondary">{t(`bundle.choiceHelp.${c}`)}</Typography.Text>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </div>
          ) : (
            <Alert type="success" showIcon style={{ marginTop: 12 }} title={t('bundle.noConflicts')} />
          )}
        </div>
      )}
    </Modal>
  );
}
