import { PlayCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon';

/** Live 直播控制: not built yet; says what will be here. */
export default function LivePage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('live.title')} heading={t('live.emptyTitle')} body={t('live.emptyBody')} icon={<PlayCircleOutlined />} />;
}
