import { mediaUrl } from '../../electron/contract/overlay-kinds';

// The only ways overlay code touches the DOM: elements by tag and class, text as text.
// There is no innerHTML anywhere in the overlay pages: a product called
// `<img src=x onerror=alert(1)>` shows exactly those characters.

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  for (const child of children) el.append(child);
  return el;
}

/** Set text only when it changed (no needless layout); hide the element when empty. */
export function setText(el: HTMLElement, text: string, hideEmpty = true): void {
  if (el.textContent !== text) el.textContent = text;
  if (hideEmpty) el.hidden = text === '';
}

/** Images come only from our media route; anything else leaves the element empty and hidden. */
export function setImage(img: HTMLImageElement, hash: string | null): void {
  const url = mediaUrl(hash);
  if (url === null) {
    img.removeAttribute('src');
    img.hidden = true;
    return;
  }
  if (img.getAttribute('src') !== url) img.src = url;
  img.hidden = false;
}

export function toggle(el: HTMLElement, cls: string, on: boolean): void {
  if (el.classList.contains(cls) !== on) el.classList.toggle(cls, on);
}
