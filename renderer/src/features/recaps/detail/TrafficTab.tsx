import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Recap, TrafficRow } from '../../../../../electron/contract';
import type { Language } from '../../../lib/prefs';
import { metric } from '../recap-text';

/** Traffic sources (渠道流量) as the platform reported them. */
export function TrafficTab({ recap, lang }: { recap: Recap; lang: Language }) {
  const { t } = useTranslation();
  if (recap.traffic.length === 0) return <Empty description={t('recaps.traffic.none')} />;
  const n = (v: number | null) => <span className="cc-num">{metric('views', v, lang)}</span>;
  return (
    <Table<TrafficRow>
      size="small"
      rowKey="channel"
      dataSource={recap.traffic}
      pagination={false}
      data-testid="traffic-table"
      columns={[
        { title: t('recaps.traffic.channel'), dataIndex: 'channel' },
        { title: t('recaps.traffic.views'), dataIndex: 'views', align: 'right', render: n },
        { title: t('recaps.traffic.viewers'), dataIndex: 'viewers', align: 'right', render: n },
        { title: t('recaps.traffic.gmv'), dataIndex: 'gmv', align: 'right', render: (v: number | null) => <span className="cc-num">{metric('gmv', v, lang)}</span> },
        { title: t('recaps.traffic.orders'), dataIndex: 'orders', align: 'right', render: n },
      ]}
    />
  );
}
