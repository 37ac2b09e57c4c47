import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The tally light: solid red "ON AIR" while a layer is shown, a quiet "Off" otherwise. */
export function OnAirTag({ onAir, compact }: { onAir: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag
      variant={onAir ? 'solid' : 'outlined'}
      color={onAir ? '#e5302a' : undefined}
      style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px', paddingInline: compact ? 5 : 7, fontWeight: onAir ? 600 : 400 }}
      data-testid="on-air-tag"
    >
      {onAir ? `● ${t('live.onAir')}` : t('live.off')}
    </Tag>
  );
}
