import { Card, Col, Row, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MetricKey, Recap } from '../../../../../electron/contract';
import { changeText } from '../../../../../electron/contract/recap-format';
import type { Language } from '../../../lib/prefs';
import { metric } from '../recap-text';

/** The headline figures, in reading order; those that cannot be computed are left out. */
const KEYS: MetricKey[] = [
  'gmv',
  'orders',
  'units',
  'buyers',
  'views',
  'viewers',
  'peakOnline',
  'aov',
  'gpm',
  'uvValue',
  'viewToOrder',
  'clickToOrder',
  'refundRate',
  'goalAchieved',
  'planAdherence',
  'timeOverPlanMs',
  'durationMs',
  'gmvPerMinute',
  'avgOnline',
  'avgWatchMs',
  'newFollowers',
  'commission',
  'grossMargin',
];
const ESTIMATES = new Set<MetricKey>(['commission', 'grossMargin']);
const HELP = new Set(['gmv', 'gpm', 'uvValue', 'aov', 'viewToOrder', 'clickToOrder', 'refundRate', 'planAdherence', 'timeOverPlanMs', 'commission', 'grossMargin']);

/** Headline numbers against the show's goals and against the previous show on the platform. */
export function Headline({ recap, lang }: { recap: Recap; lang: Language }) {
  const { t } = useTranslation();
  const prev = recap.previous;
  const cards = KEYS.filter((k) => recap.metrics[k] !== null);
  return (
    <Row gutter={[8, 8]} data-testid="headline">
      {cards.map((k) => {
        const value = recap.metrics[k];
        const goal = k === 'gmv' && recap.show.goalGmv !== null ? metric('gmv', recap.show.goalGmv, lang, true) : k === 'orders' && recap.show.goalOrders !== null ? metric('orders', recap.show.goalOrders, lang) : null;
        const change = prev ? changeText(k, value, prev.metrics[k]) : null;
        const basis = recap.basis[k];
        const help = [HELP.has(k) ? t(`recaps.metricHelp.${k as 'gmv'}`) : null, basis ? t(`recaps.basis.${basis}`) : null].filter(Boolean).join(' · ');
        return (
          <Col key={k} xs={12} sm={8} md={6} xl={4} xxl={3}>
            <Card size="small" styles={{ body: { padding: '8px 12px' } }} data-testid={`metric-${k}`}>
              <Tooltip title={help || undefined}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`recaps.metrics.${k}`)}
                  {ESTIMATES.has(k) && (
                    <Tag color="gold" style={{ marginLeft: 4, fontSize: 10, lineHeight: '14px', padding: '0 3px' }}>
                      {t('recaps.estimate')}
                    </Tag>
                  )}
                </Typography.Text>
              </Tooltip>
              <div className="cc-num" style={{ fontSize: 20, fontWeight: 600, lineHeight: 1.3 }} data-testid="metric-value">
                {metric(k, value, lang)}
              </div>
              <div style={{ fontSize: 11, minHeight: 16 }}>
                {goal && <Typography.Text type="secondary">{t('recaps.goal', { value: goal })} </Typography.Text>}
                {change && (
                  <Typography.Text type={change.better === null ? 'secondary' : change.better ? 'success' : 'danger'} data-testid="metric-change">
                    {t('recaps.vsPrevious', { change: change.text })}
                  </Typography.Text>
                )}
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
