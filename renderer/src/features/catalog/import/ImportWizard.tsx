import { Button, Flex, Modal, Steps } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogVars } from '../table/css-vars';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { ResultStep } from './ResultStep';
import { ReviewStep } from './ReviewStep';
import { useImportFlow, type ImportStep } from './useImportFlow';

const STEP_INDEX: Record<ImportStep, number> = { file: 0, mapping: 1, review: 2, apply: 3, done: 3 };

/** Import CSV/XLSX: file → mapping → review (refused rows, mode) → import with progress → summary. */
export function ImportWizard({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const vars = useCatalogVars();
  const flow = useImportFlow();
  const resetRef = useRef(flow.reset);
  resetRef.current = flow.reset;
  // Start afresh each time it opens.
  useEffect(() => {
    if (open) resetRef.current();
  }, [open]);

  const running = flow.step === 'apply';
  const hasKey = flow.mapping.includes('sku') || flow.mapping.includes('handle') || flow.mapping.includes('platformId');
  const footer = (
    <Flex justify="flex-end" gap={8}>
      {flow.step === 'mapping' && <Button onClick={flow.reset}>{t('catalog.import.back')}</Button>}
      {flow.step === 'mapping' && (
        <Button type="primary" disabled={flow.busy || !hasKey} onClick={() => flow.goto('review')} data-testid="import-next">
          {t('catalog.import.next')}
        </Button>
      )}
      {flow.step === 'review' && <Button onClick={() => flow.goto('mapping')}>{t('catalog.import.back')}</Button>}
      {flow.step === 'review' && (
        <Button type="primary" disabled={flow.busy} onClick={() => void flow.apply()} data-testid="import-apply">
          {t('catalog.import.apply')}
        </Button>
      )}
      {running && (
        <Button danger disabled={flow.cancelled} onClick={flow.cancel} data-testid="import-cancel">
          {t('catalog.import.cancel')}
        </Button>
      )}
      {flow.step === 'done' && <Button onClick={flow.reset} data-testid="import-again">{t('catalog.import.another')}</Button>}
      {!running && (
        <Button type={flow.step === 'done' ? 'primary' : 'default'} onClick={onClose} data-testid="import-close">
          {t(flow.step === 'done' ? 'catalog.close' : 'common.cancel')}
        </Button>
      )}
    </Flex>
  );

  return (
    <Modal
      open={open}
      width={1040}
      title={t('catalog.import.title')}
      onCancel={() => !running && onClose()}
      closable={!running}
      maskClosable={false}
      footer={footer}
      destroyOnHidden
      data-testid="import-modal"
      styles={{ body: { ...vars, minHeight: 360 } }}
    >
      <Steps
        size="small"
        current={STEP_INDEX[flow.step]}
        style={{ marginBottom: 20 }}
        items={[
          { title: t('catalog.import.steps.file') },
          { title: t('catalog.import.steps.mapping') },
          { title: t('catalog.import.steps.review') },
          { title: t('catalog.import.steps.import') },
        ]}
      />
      {flow.step === 'file' && <FileStep flow={flow} />}
      {flow.step === 'mapping' && flow.preview && <MappingStep flow={flow} />}
      {flow.step === 'review' && flow.preview && <ReviewStep flow={flow} />}
      {(flow.step === 'apply' || flow.step === 'done') && <ResultStep flow={flow} />}
    </Modal>
  );
}
