import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

/** 中 / EN: the host picks the prompter's language with one tap. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <button type="button" className="pr-lang" onClick={() => setLanguage(lang === 'zh-CN' ? 'en' : 'zh-CN')} aria-label={t('lang.switch')} data-testid="prompter-lang">
      {lang === 'zh-CN' ? 'EN' : '中文'}
    </button>
  );
}
