import { BarChartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon';

/** Recaps 复盘: not built yet; says what will be here. */
export default function RecapsPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('recaps.title')} heading={t('recaps.emptyTitle')} body={t('recaps.emptyBody')} icon={<BarChartOutlined />} />;
}
