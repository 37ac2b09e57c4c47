import { Alert, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NativeOverlaysCard } from './NativeOverlaysCard';
import { ObsConnectionForm } from './ObsConnectionForm';
import { ObsScenesPanel } from './ObsScenesPanel';
import { ObsStatusDetails } from './ObsStatusDetails';
import { obsPhase } from './obs-view';
import { useObs } from './useObs';

/**
 * The OBS part of Settings: the connection (form left, live state right) and, once connected,
 * the scenes read from OBS, so a producer can see at a glance that Cuecart sees the right OBS;
 * then the overlays in OBS (installer, native-source bindings).
 */
export function ObsSettingsSection() {
  const { t } = useTranslation();
  const obs = useObs();
  const data = obs.data;
  const phase = data ? obsPhase(data.status) : null;
  return (
    <Flex vertical gap={16} id="obs-settings">
      <Card title={t('obs.title')} size="small" data-testid="obs-connection-panel">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 16 }}>
          {t('obs.subtitle')}
        </Typography.Paragraph>
        {obs.isError && <Alert type="error" showIcon title={t('common.loadFailed')} />}
        {obs.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
        {data && phase && (
          <Row gutter={[32, 16]}>
            <Col xs={24} lg={13}>
              <ObsConnectionForm settings={data.settings} phase={phase} />
            </Col>
            <Col xs={24} lg={11}>
              <ObsStatusDetails status={data.status} mirror={data.mirror} />
            </Col>
          </Row>
        )}
      </Card>
      {/* While reconnecting it keeps the last known scenes, dimmed and labelled as such. */}
      {(phase === 'connected' || phase === 'reconnecting') && <ObsScenesPanel hideSettingsLink />}
      {/* Installing overlays and native-source bindings; useful to review even while OBS is off. */}
      {data && <NativeOverlaysCard />}
    </Flex>
  );
}
