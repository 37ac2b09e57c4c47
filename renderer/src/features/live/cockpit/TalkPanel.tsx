import { memo } from 'react';
import { Collapse, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RunCue } from '../../../../../electron/contract';
import { useProduct } from './useProduct';

/** What the host says about the cue on air: 卖点, 话术 (the cue's, else the product's), FAQ, the cue's notes. */
export const TalkPanel = memo(function TalkPanel({ cue }: { cue: RunCue | undefined }) {
  const { t } = useTranslation();
  const product = useProduct(cue?.productId ?? null).data;
  const talk = (cue?.kind === 'pitch' && cue.talkingPoints) || product?.talkingPoints || '';
  const points = product?.sellingPoints ?? [];
  const faq = product?.faq ?? [];
  const empty = !talk && points.length === 0 && faq.length === 0 && !cue?.notes;
  return (
    <section className="cc-panel cc-talk" data-testid="talk-panel">
      <div className="cc-label">{t('cockpit.talk.title')}</div>
      {empty && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.talk.empty')} />}
      {points.length > 0 && (
        <Flex wrap gap={6} style={{ marginBottom: 10 }} data-testid="selling-points">
          {points.map((p) => (
            <Tag key={p} color="blue" style={{ fontSize: 14, padding: '2px 8px', whiteSpace: 'normal' }}>
              {p}
            </Tag>
          ))}
        </Flex>
      )}
      {talk && (
        <Typography.Paragraph style={{ fontSize: 16, whiteSpace: 'pre-wrap', marginBottom: 10 }} data-testid="talking-points">
          {talk}
        </Typography.Paragraph>
      )}
      {cue?.notes && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {t('cockpit.talk.notes')}: {cue.notes}
        </Typography.Paragraph>
      )}
      {faq.length > 0 && (
        <Collapse
          size="small"
          items={faq.map((f, i) => ({ key: String(i), label: f.q, children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{f.a}</Typography.Text> }))}
        />
      )}
    </section>
  );
});
