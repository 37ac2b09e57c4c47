import type { LowerThirdContent } from '../../../electron/contract/overlays';
import { h, setImage, setText, toggle } from '../dom';
import type { KindView } from './types';

/** 主播名条: host name and title, or one line of free text; the host's photo (or the theme's logo) beside it. */
export function lowerThird(): KindView<LowerThirdContent> {
  const logo = h('img', 'lt-logo');
  logo.alt = '';
  const name = h('div', 'lt-name');
  const title = h('div', 'lt-title');
  const text = h('div', 'lt-text');
  const main = h('div', 'lt-main', name, title, text);
  const el = h('div', 'lt', logo, main);
  return {
    el,
    render(c, { theme }) {
      setImage(logo, c.avatar ?? theme.logo);
      toggle(logo, 'is-avatar', c.avatar !== null);
      const free = c.name === '' && c.title === '';
      toggle(el, 'is-free', free);
      toggle(el, 'has-title', c.title !== '');
      toggle(el, 'has-text', c.text !== '');
      setText(name, c.name);
      setText(title, c.title);
      // Free text alone, or as a third line under a name.
      setText(text, c.text);
    },
  };
}
