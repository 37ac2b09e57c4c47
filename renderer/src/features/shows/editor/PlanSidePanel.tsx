import { WarningFilled } from '@ant-design/icons';
import { Card, Descriptions, Empty, Progress, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatClock, lengthCheck, timeOfDay, type MixRow, type PlanAnalysis } from '../../../../../electron/contract';
import { formatMoney } from '../../../lib/money';
import { useEditor } from './editor-context';

const MIX_COLORS: Record<MixRow['role'], string> = {
  hero: '#eb2f96',
  traffic: '#1677ff',
  perk: '#faad14',
  profit: '#52c41a',
  regular: '#8c8c8c',
  none: '#595959',
};

/** Timing (start, end, over/under), product mix by role, and the plan's warnings. */
export function PlanSidePanel({ analysis, onPick }: { analysis: PlanAnalysis; onPick(cueId: string): void }) {
  const { t } = useTranslation();
  const { history, schedule, products, lang } = useEditor();
  const { fields } = history.plan;
  const { deltaMs, state } = lengthCheck(schedule.totalMs, fields.plannedLengthMs);
  const stateColor = state === 'over' ? 'red' : state === 'under' ? 'orange' : 'green';
  const titleOf = (cueId: string) => {
    const cue = history.plan.segments.flatMap((s) => s.cues).find((c) => c.id === cueId);
    const p = cue?.productId ? products.get(cue.productId) : undefined;
    return cue?.title || p?.shortTitle || p?.title || t(`plan.kinds.${cue?.kind ?? 'generic'}`);
  };
  const rows = analysis.mix.filter((r) => r.cues > 0);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Card size="small" title={t('plan.timing.title')} data-testid="timing">
        <Descriptions size="small" column={1} colon={false}>
          <Descriptions.Item label={t('plan.timing.start')}>
            <span className="cc-num">{timeOfDay(fields.startAt, fields.timeZone)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('plan.timing.end')}>
            <span className="cc-num">{timeOfDay(fields.startAt + schedule.totalMs, fields.timeZone)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('plan.timing.total')}>
            <span className="cc-num" data-testid="timing-total">
              {formatClock(schedule.totalMs)} / {formatClock(fields.plannedLengthMs)}
            </span>
          </Descriptions.Item>
        </Descriptions>
        <Tag color={stateColor} data-testid="timing-state" data-state={state} style={{ marginTop: 4 }}>
          {state === 'exact' ? t('plan.timing.exact') : t(`plan.timing.${state}`, { delta: formatClock(Math.abs(deltaMs)) })}
        </Tag>
        {fields.goalGmv !== null && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
            {t('plan.goalLine', { gmv: formatMoney(fields.goalGmv, 'CNY', lang), orders: fields.goalOrders ?? '—' })}
          </Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('plan.mix.title')} styles={{ body: { padding: 0 } }} data-testid="mix">
        <Table<MixRow>
          size="small"
          rowKey="role"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('plan.mix.empty') }}
          columns={[
            { title: t('plan.mix.role'), dataIndex: 'role', render: (r: MixRow['role']) => <Tag color={MIX_COLORS[r]}>{t(`plan.mix.roles.${r}`)}</Tag> },
            { title: t('plan.mix.cues'), dataIndex: 'cues', align: 'right', width: 50, render: (n: number) => <span className="cc-num">{n}</span> },
            {
              title: t('plan.mix.share'),
              key: 'share',
              width: 120,
              render: (_, r) => (
                <Progress percent={Math.round(r.share * 100)} size="small" strokeColor={MIX_COLORS[r.role]} format={(p) => `${p}% · ${formatClock(r.durationMs)}`} />
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={
          <span>
            {t('plan.warnings.title')} {analysis.warnings.length > 0 && <Tag color="orange">{analysis.warnings.length}</Tag>}
          </span>
        }
        styles={{ body: { padding: analysis.warnings.length ? '4px 0' : undefined, maxHeight: 320, overflow: 'auto' } }}
        data-testid="warnings"
      >
        {analysis.warnings.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.warnings.none')} />
        ) : (
          analysis.warnings.map((w, i) => (
            <div
              key={`${w.cueId}-${w.code}-${i}`}
              role="button"
              tabIndex={0}
              onClick={() => onPick(w.cueId)}
              onKeyDown={(e) => e.key === 'Enter' && onPick(w.cueId)}
              style={{ padding: '4px 12px', cursor: 'pointer', display: 'flex', gap: 8, alignItems: 'baseline' }}
              data-testid="warning-item"
              data-code={w.code}
            >
              <WarningFilled style={{ color: '#faad14' }} />
              <span style={{ minWidth: 0 }}>
                <Typography.Text style={{ fontSize: 13 }}>{t(`plan.warnings.${w.code}`)}</Typography.Text>
                <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                  {titleOf(w.cueId)}
                </Typography.Text>
              </span>
            </div>
          ))
        )}
      </Card>
    </div>
  );
}
