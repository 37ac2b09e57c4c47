import { Flex, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { OVERLAY_KINDS, type OverlayState } from '../../../../electron/contract';

/** One light per overlay kind under the preview: red while that layer is on air. */
export function Tally({ state }: { state: OverlayState }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex gap={4} wrap style={{ marginTop: 10 }} data-testid="tally">
      {OVERLAY_KINDS.map((kind) => {
        const on = state.layers[kind].visible;
        return (
          <span
            key={kind}
            data-testid={`tally-${kind}`}
            data-state={on ? 'on' : 'off'}
            style={{
              flex: '1 1 30%',
              textAlign: 'center',
              fontSize: 11,
              lineHeight: '20px',
              borderRadius: 3,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              fontWeight: on ? 600 : 400,
              color: on ? '#fff' : token.colorTextTertiary,
              background: on ? '#d9302a' : token.colorFillTertiary,
              border: `1px solid ${on ? '#ff5a4f' : token.colorBorderSecondary}`,
              transition: 'background-color .15s',
            }}
          >
            {t(`live.kinds.${kind}`)}
          </span>
        );
      })}
    </Flex>
  );
}
