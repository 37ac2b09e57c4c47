import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Flex, Select, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Recap } from '../../../../electron/contract';
import { clockText, dateTimeText } from '../../../../electron/contract/recap-format';
import { PageHeader } from '../../components/PageHeader';
import { normalizeLanguage, type Language } from '../../lib/prefs';
import { DataTab } from './data/DataTab';
import { ChartsGrid } from './detail/ChartsGrid';
import { ConclusionsTab } from './detail/ConclusionsTab';
import { ExportMenu } from './detail/ExportMenu';
import { FlagsAlert } from './detail/FlagsAlert';
import { Headline } from './detail/Headline';
import { ProductsTab } from './detail/ProductsTab';
import { TimelineTab } from './detail/TimelineTab';
import { TrafficTab } from './detail/TrafficTab';
import { useRecap } from './queries';

/** One show's recap: headline against goals and the previous show, charts, timeline, products, data, conclusions. */
export default function RecapPage() {
  const { t, i18n } = useTranslation();
  const lang = normalizeLanguage(i18n.language);
  const { id } = useParams<{ id: string }>();
  const [runId, setRunId] = useState<string | undefined>();
  const recap = useRecap(id, runId);
  const r = recap.data;
  return (
    <div data-testid="recap-page">
      <Link to="/recaps" style={{ fontSize: 13 }}>
        <ArrowLeftOutlined /> {t('recaps.back')}
      </Link>
      {recap.isError && <Alert type="error" showIcon title={t('recaps.loadFailed')} style={{ marginTop: 12 }} />}
      {!r ? (
        recap.isLoading && <Skeleton active style={{ marginTop: 16 }} />
      ) : (
        <>
          <PageHeader title={r.show.title} subtitle={<Facts recap={r} lang={lang} />} extra={
            <Space>
              {r.runs.length > 1 && (
                <Select
                  size="middle"
                  value={r.run?.id}
                  onChange={setRunId}
                  style={{ width: 220 }}
                  options={r.runs.map((x) => ({ value: x.id, label: `${t('recaps.runPick')} ${x.startedAt ? dateTimeText(x.startedAt, r.show.timeZone) : dateTimeText(x.armedAt, r.show.timeZone)}` }))}
                />
              )}
              <ExportMenu showId={r.show.id} runId={runId} />
            </Space>
          } />
          {!r.run && <Alert type="info" showIcon title={t('recaps.noRun')} style={{ marginBottom: 12 }} />}
          <FlagsAlert recap={r} lang={lang} />
          <Typography.Title level={5} style={{ marginTop: 4 }}>
            {t('recaps.headline')}
            {r.previous && (
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400, marginLeft: 8 }} data-testid="previous-show">
                <Link to={`/recaps/${r.previous.showId}`}>{t('recaps.previousShow', { title: r.previous.title })}</Link>
              </Typography.Text>
            )}
          </Typography.Title>
          <Headline recap={r} lang={lang} />
          <Tabs
            style={{ marginTop: 12 }}
            items={[
              { key: 'overview', label: t('recaps.tabs.overview'), children: <ChartsGrid recap={r} lang={lang} /> },
              { key: 'timeline', label: t('recaps.tabs.timeline'), children: <TimelineTab recap={r} /> },
              { key: 'products', label: t('recaps.tabs.products'), children: <ProductsTab recap={r} lang={lang} /> },
              { key: 'traffic', label: t('recaps.tabs.traffic'), children: <TrafficTab recap={r} lang={lang} /> },
              { key: 'data', label: t('recaps.tabs.data'), children: <DataTab recap={r} lang={lang} /> },
              { key: 'conclusions', label: t('recaps.tabs.conclusions'), children: <ConclusionsTab recap={r} lang={lang} /> },
            ].map((tab) => ({ ...tab, label: <span data-testid={`recap-tab-${tab.key}`}>{tab.label}</span> }))}
          />
        </>
      )}
    </div>
  );
}

function Facts({ recap: r, lang }: { recap: Recap; lang: Language }) {
  const { t } = useTranslation();
  const zone = r.show.timeZone;
  const run = r.run;
  void lang;
  return (
    <Flex gap={14} wrap style={{ fontSize: 13 }}>
      <span>
        <Tag>{t(`shows.platforms.${r.show.platform}`)}</Tag>
      </span>
      <span>
        {t('recaps.facts.start')} {dateTimeText(r.show.startAt, zone)}
      </span>
      {run?.startedAt != null && (
        <span>
          {t('recaps.facts.live')} {clockText(run.startedAt, zone)}–{run.endedAt ? clockText(run.endedAt, zone) : '…'}
        </span>
      )}
      {r.show.hosts.length > 0 && (
        <span>
          {t('recaps.facts.hosts')} {r.show.hosts.map((h) => h.name).join('、')}
        </span>
      )}
    </Flex>
  );
}
