import type { BannerContent } from '../../../electron/contract/overlays';
import { h, setImage, setText } from '../dom';
import type { KindView } from './types';

/** 福利公告: a tag ("福利公告") and up to two lines of text. */
export function banner(): KindView<BannerContent> {
  const logo = h('img', 'bn-logo');
  logo.alt = '';
  const tag = h('div', 'bn-tag');
  const text = h('div', 'bn-text');
  const el = h('div', 'bn', logo, tag, text);
  return {
    el,
    render(c, { labels, theme }) {
      el.dataset.style = c.style;
      setImage(logo, theme.logo);
      setText(tag, c.title || labels.announcement);
      setText(text, c.text);
    },
  };
}
