import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { RECAP_KINDS, type RecapKind } from '../../../../electron/contract';

/** Which data a recap has: the run log and each kind of platform file. */
export function DataTags({ kinds, run }: { kinds: RecapKind[]; run: boolean }) {
  const { t } = useTranslation();
  return (
    <span data-testid="data-tags">
      <Tag color={run ? 'blue' : 'default'} style={{ opacity: run ? 1 : 0.5 }}>
        {t('recaps.list.run')}
      </Tag>
      {RECAP_KINDS.filter((k) => kinds.includes(k)).map((k) => (
        <Tooltip key={k} title={t(`recaps.kindHelp.${k}`)}>
          <Tag color="green">{t(`recaps.kinds.${k}`)}</Tag>
        </Tooltip>
      ))}
    </span>
  );
}
