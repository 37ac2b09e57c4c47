import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recap } from '../../../../../electron/contract';
import { availableCharts, chartOption, type ChartId } from '../../../../../electron/contract/recap-charts';
import type { Language } from '../../../lib/prefs';
import { RecapChart } from '../charts/RecapChart';
import { chartWords } from '../recap-text';

const LAYOUT: Record<ChartId, { span: number; height: number }> = {
  curve: { span: 24, height: 320 },
  productGmv: { span: 12, height: 360 },
  airtime: { span: 12, height: 360 },
  plan: { span: 24, height: 260 },
  roles: { span: 12, height: 280 },
  funnel: { span: 12, height: 280 },
};

/** Every chart the recap has data for, from the same options the exports render. */
export function ChartsGrid({ recap, lang }: { recap: Recap; lang: Language }) {
  const { t } = useTranslation();
  const { ids, options } = useMemo(() => {
    const words = chartWords(t, lang, recap.show.timeZone);
    const ids = availableCharts(recap);
    return { ids, options: new Map(ids.map((id) => [id, chartOption(id, recap, words)])) };
  }, [recap, lang, t]);
  if (ids.length === 0) return <Empty description={t('recaps.charts.none')} />;
  return (
    <Row gutter={[12, 12]}>
      {ids.map((id) => (
        <Col key={id} xs={24} lg={LAYOUT[id].span}>
          <Card size="small" title={t(`recaps.charts.${id}`)}>
            <RecapChart option={options.get(id)!} height={LAYOUT[id].height} testId={id} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
