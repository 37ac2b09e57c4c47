import { DownOutlined, TranslationOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';
import { LANGUAGES, type Language } from '../lib/prefs';

/** Header quick switch; each language is named in itself. (A Dropdown, not a Select: smaller first load.) */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const name = (l: Language) => t(l === 'zh-CN' ? 'lang.zhCN' : 'lang.en');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: LANGUAGES.map((l) => ({ key: l, label: <span data-testid={`lang-option-${l}`}>{name(l)}</span> })),
        onClick: ({ key }) => setLanguage(key as Language),
      }}
    >
      <Button type="text" size="small" icon={<TranslationOutlined />} aria-label={t('lang.switch')} data-testid="lang-switch">
        {name(lang)} <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
