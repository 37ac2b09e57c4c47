#!/usr/bin/env node
// Renders the demo workspace's product tiles and host avatars with headless Chromium.
//
//   node scripts/make-demo-images.mjs
//
// Reads resources/demo/workspace.json for the list of images (so the two stay in sync) and writes
// JPEGs next to it at the relative paths named in `images` / `avatar`. Everything is drawn with
// CSS and local fonts (fonts-noto-cjk); nothing is downloaded. Needs /usr/bin/chromium
// (override with CHROMIUM_PATH).

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = join(root, 'resources', 'demo');
const workspace = JSON.parse(await readFile(join(demoDir, 'workspace.json'), 'utf8'));

const FONT = `'Noto Sans CJK SC', 'Noto Sans', sans-serif`;
const QUALITY = 80;

/** Soft palettes by category: background gradient (bg1 → bg2), product accent, light, dark. */
const PALETTES = {
  beauty: { bg1: '#fff1f3', bg2: '#f8cdd8', a: '#d4708f', l: '#fbe4ea', d: '#8e3553' },
  care: { bg1: '#eefaf6', bg2: '#bfe5da', a: '#4aa58e', l: '#e2f4ee', d: '#23695a' },
  food: { bg1: '#fff8e8', bg2: '#fbd9a4', a: '#e09a3a', l: '#fdeed3', d: '#8d5613' },
  home: { bg1: '#f7f3ec', bg2: '#dcd0bd', a: '#a88c6a', l: '#f1ebe1', d: '#5e4a33' },
  kitchen: { bg1: '#f0f5fa', bg2: '#c7d7e8', a: '#5f87b0', l: '#e6eef6', d: '#2e4d6d' },
  other: { bg1: '#f4f2fa', bg2: '#d6d0ea', a: '#8a7cc0', l: '#ece9f6', d: '#4b3f80' },
};
const CATEGORY_PALETTE = {
  美妆: 'beauty',
  beauty: 'beauty',
  个护: 'care',
  hair: 'care',
  'personal care': 'care',
  食品: 'food',
  food: 'food',
  家居: 'home',
  home: 'home',
  kitchen: 'kitchen',
};
const paletteFor = (category) =>
  PALETTES[CATEGORY_PALETTE[String(category).trim().toLowerCase()] ?? 'other'];

/** Which CSS-drawn shape suits a product, by keywords in its title, then by category. */
const SHAPE_RULES = [
  [/气垫|cushion|compact/i, 'compact'],
  [/口红|lipstick/i, 'lipstick'],
  [/lip oil|唇油|lip gloss/i, 'vials'],
  [/眼霜|洁面|cleanser|tube/i, 'tube'],
  [/精华|serum|dropper/i, 'dropper'],
  [/面霜|cream|clay|mask\b.*\d+g|面膜/i, 'jar'],
  [/洗发|身体乳|lotion|shampoo|body/i, 'pump'],
  [/牙刷|toothbrush/i, 'brush'],
  [/坚果|柠檬|燕麦|零食|snack|granola/i, 'pouch'],
  [/餐具|碗|bowl|plate/i, 'bowl'],
  [/枕|pillow/i, 'pillow'],
  [/收纳|organizer|storage/i, 'drawers'],
  [/蜡烛|candle/i, 'candle'],
  [/sleep mask|眼罩/i, 'eyemask'],
  [/curl|ribbon|发带/i, 'ribbon'],
  [/blender|榨汁/i, 'blender'],
  [/tumbler|杯/i, 'tumbler'],
];
const CATEGORY_SHAPE = { beauty: 'jar', care: 'pump', food: 'pouch', home: 'box', kitchen: 'tumbler' };
function shapeFor(product) {
  // The short title first: long titles often name other products ("…口红置物架").
  for (const text of [product.shortTitle, product.title]) {
    for (const [re, shape] of SHAPE_RULES) if (text && re.test(text)) return shape;
  }
  const key = CATEGORY_PALETTE[String(product.category).trim().toLowerCase()];
  return CATEGORY_SHAPE[key] ?? 'box';
}

const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A one- or two-character mark for labels and avatars. */
function monogram(text) {
  const s = String(text).trim();
  const cjk = s.match(/[\u3400-\u9fff]/);
  if (cjk) return cjk[0];
  const words = s.split(/[\s&]+/).filter(Boolean);
  if (words.length >= 2) return (words[0][0] + words[1][0]).toUpperCase();
  return s.slice(0, 1).toUpperCase() || '?';
}

/** Each shape is drawn inside a 240×240 stage; `m` is a small label mark. */
function shapeHtml(shape, m) {
  const label = `<span class="mk">${esc(m)}</span>`;
  switch (shape) {
    case 'jar':
      return `
        <div class="abs" style="left:50px;top:78px;width:140px;height:34px;border-radius:10px 10px 4px 4px;background:linear-gradient(180deg,var(--d),var(--a))"></div>
        <div class="abs body" style="left:40px;top:108px;width:160px;height:100px;border-radius:14px 14px 26px 26px;display:flex;align-items:center;justify-content:center">${label}</div>`;
    case 'tube':
      return `
        <div class="abs body" style="left:78px;top:20px;width:84px;height:170px;border-radius:10px 10px 30px 30px;clip-path:polygon(0 0,100% 0,88% 100%,12% 100%);display:flex;align-items:center;justify-content:center">${label}</div>
        <div class="abs" style="left:96px;top:186px;width:48px;height:34px;border-radius:6px;background:linear-gradient(90deg,var(--d),var(--a))"></div>`;
    case 'dropper':
      return `
        <div class="abs" style="left:108px;top:8px;width:24px;height:40px;border-radius:12px 12px 4px 4px;background:var(--d)"></div>
        <div class="abs" style="left:100px;top:44px;width:40px;height:28px;border-radius:4px;background:linear-gradient(90deg,#2b2b2b,#5a5a5a)"></div>
        <div class="abs" style="left:76px;top:70px;width:88px;height:150px;border-radius:18px;background:linear-gradient(90deg,var(--a),var(--l) 45%,var(--a));opacity:.92;display:flex;align-items:center;justify-content:center">
          <div style="width:64px;height:70px;border-radius:6px;background:rgba(255,255,255,.85);display:flex;align-items:center;justify-content:center">${label}</div></div>`;
    case 'pump':
      return `
        <div class="abs" style="left:112px;top:6px;width:58px;height:12px;border-radius:6px;background:var(--d)"></div>
        <div class="abs" style="left:112px;top:12px;width:16px;height:36px;background:var(--d)"></div>
        <div class="abs" style="left:100px;top:44px;width:40px;height:22px;border-radius:4px;background:var(--d)"></div>
        <div class="abs body" style="left:68px;top:62px;width:104px;height:164px;border-radius:22px 22px 16px 16px;display:flex;align-items:center;justify-content:center">
          <div style="width:76px;height:84px;border-radius:8px;background:rgba(255,255,255,.8);display:flex;align-items:center;justify-content:center">${label}</div></div>`;
    case 'compact':
      return `
        <div class="abs" style="left:30px;top:60px;width:180px;height:150px;border-radius:50%;background:linear-gradient(180deg,var(--a),var(--d));box-shadow:0 10px 0 var(--d)"></div>
        <div class="abs" style="left:50px;top:72px;width:140px;height:112px;border-radius:50%;background:linear-gradient(160deg,#fff,var(--l));display:flex;align-items:center;justify-content:center">${label}</div>`;
    case 'lipstick':
      return `
        <div class="abs" style="left:98px;top:14px;width:44px;height:74px;border-radius:20px 20px 2px 2px;clip-path:polygon(0 30%,100% 0,100% 100%,0 100%);background:linear-gradient(90deg,#a83a52,#d9627c,#a83a52)"></div>
        <div class="abs" style="left:92px;top:86px;width:56px;height:30px;background:linear-gradient(90deg,#b08a4a,#f0d89a,#b08a4a)"></div>
        <div class="abs" style="left:86px;top:114px;width:68px;height:112px;border-radius:4px;background:linear-gradient(90deg,var(--d),var(--a),var(--d));display:flex;align-items:center;justify-content:center">${label}</div>`;
    case 'vials':
      return [0, 1, 2]
        .map((i) => {
          const colors = ['#f3d6c8', '#f2a88e', '#b5405e'][i];
          const x = 44 + i * 56;
          return `
        <div class="abs" style="left:${x + 8}px;top:${30 + (i % 2) * 14}px;width:36px;height:54px;border-radius:8px 8px 2px 2px;background:var(--d)"></div>
        <div class="abs" style="left:${x}px;top:${80 + (i % 2) * 14}px;width:52px;height:${130 - (i % 2) * 14}px;border-radius:10px;background:linear-gradient(90deg,${colors},#fff8 50%,${colors})"></div>`;
        })
        .join('');
    case 'brush':
      return `
        <div class="abs body" style="left:100px;top:60px;width:40px;height:170px;border-radius:20px 20px 14px 14px"></div>
        <div class="abs" style="left:106px;top:8px;width:28px;height:60px;border-radius:12px 12px 4px 4px;background:linear-gradient(90deg,#fff,var(--l))"></div>
        <div class="abs" style="left:110px;top:14px;width:20px;height:22px;border-radius:4px;background:repeating-linear-gradient(90deg,var(--a) 0 3px,#fff 3px 5px)"></div>
        <div class="abs" style="left:114px;top:140px;width:12px;height:12px;border-radius:50%;background:#fff"></div>`;
    case 'pouch':
      return `
        <div class="abs body" style="left:46px;top:26px;width:148px;height:196px;border-radius:8px 8px 20px 20px;clip-path:polygon(6% 0,94% 0,100% 100%,0 100%);display:flex;flex-direction:column;align-items:center;justify-content:center;gap:12px">
          <div style="width:110px;height:6px;background:var(--d);opacity:.5;position:absolute;top:16px"></div>
          <div style="width:86px;height:86px;border-radius:50%;background:rgba(255,255,255,.85);display:flex;align-items:center;justify-content:center">${label}</div></div>`;
    case 'bowl':
      return `
        <div class="abs" style="left:10px;top:150px;width:220px;height:50px;border-radius:50%;background:linear-gradient(180deg,var(--l),var(--a));box-shadow:0 6px 0 var(--d)"></div>
        <div class="abs" style="left:40px;top:64px;width:160px;height:110px;border-radius:0 0 80px 80px;background:linear-gradient(90deg,var(--l),#fff 40%,var(--l));border-top:10px solid var(--a);display:flex;align-items:center;justify-content:center">
          <div style="width:110px;height:12px;background:repeating-linear-gradient(90deg,var(--a) 0 10px,transparent 10px 18px);opacity:.7"></div></div>`;
    case 'pillow':
      return `
        <div class="abs body" style="left:14px;top:70px;width:212px;height:120px;border-radius:60px 60px 44px 44px / 50px 50px 40px 40px;display:flex;align-items:center;justify-content:center">${label}</div>
        <div class="abs" style="left:40px;top:96px;width:160px;height:4px;border-radius:2px;background:rgba(255,255,255,.6)"></div>`;
    case 'drawers':
      return `
        <div class="abs" style="left:26px;top:26px;width:188px;height:24px;border-radius:8px 8px 2px 2px;background:linear-gradient(180deg,#fff,var(--l));opacity:.95"></div>
        <div class="abs" style="left:30px;top:50px;width:180px;height:170px;border-radius:4px 4px 10px 10px;background:linear-gradient(180deg,#fffdf9,var(--l));display:flex;flex-direction:column;gap:8px;padding:10px;box-sizing:border-box">
          ${[0, 1, 2].map(() => `<div style="flex:1;border-radius:6px;background:var(--l);border:2px solid var(--a);display:flex;align-items:center;justify-content:center"><div style="width:30px;height:6px;border-radius:3px;background:var(--d)"></div></div>`).join('')}
        </div>`;
    case 'candle':
      return `
        <div class="abs" style="left:114px;top:34px;width:14px;height:30px;border-radius:50% 50% 50% 50% / 70% 70% 30% 30%;background:radial-gradient(circle at 50% 70%,#fff6c2,#f5b342 70%)"></div>
        <div class="abs" style="left:119px;top:60px;width:3px;height:16px;background:#333"></div>
        <div class="abs body" style="left:56px;top:76px;width:128px;height:144px;border-radius:10px;display:flex;align-items:center;justify-content:center">
          <div style="width:92px;height:60px;border-radius:4px;background:rgba(255,255,255,.85);display:flex;align-items:center;justify-content:center">${label}</div></div>`;
    case 'eyemask':
      return `
        <div class="abs" style="left:6px;top:110px;width:228px;height:10px;border-radius:5px;background:var(--d);opacity:.6"></div>
        <div class="abs body" style="left:30px;top:66px;width:180px;height:100px;border-radius:50px 50px 60px 60px / 40px 40px 60px 60px;clip-path:polygon(0 0,100% 0,100% 100%,56% 100%,50% 78%,44% 100%,0 100%)"></div>`;
    case 'ribbon':
      return `
        <div class="abs" style="left:40px;top:30px;width:160px;height:160px;border-radius:50%;border:26px solid var(--a);box-sizing:border-box;box-shadow:inset 0 0 0 6px var(--l)"></div>
        <div class="abs" style="left:92px;top:150px;width:56px;height:76px;background:var(--a);clip-path:polygon(0 0,100% 0,80% 100%,50% 80%,20% 100%)"></div>`;
    case 'blender':
      return `
        <div class="abs" style="left:80px;top:10px;width:80px;height:20px;border-radius:8px 8px 2px 2px;background:var(--d)"></div>
        <div class="abs" style="left:82px;top:28px;width:76px;height:140px;border-radius:4px 4px 10px 10px;background:linear-gradient(90deg,rgba(255,255,255,.5),rgba(255,255,255,.9) 40%,rgba(255,255,255,.5));border:3px solid rgba(255,255,255,.9);overflow:hidden">
          <div style="position:absolute;left:0;right:0;bottom:0;height:90px;background:linear-gradient(180deg,#ffc56b,#f08a3e)"></div></div>
        <div class="abs body" style="left:76px;top:168px;width:88px;height:56px;border-radius:10px 10px 14px 14px;display:flex;align-items:center;justify-content:center">
          <div style="width:14px;height:14px;border-radius:50%;background:#fff"></div></div>`;
    case 'tumbler':
      return `
        <div class="abs" style="left:142px;top:0px;width:10px;height:60px;border-radius:4px;background:var(--d);transform:rotate(12deg)"></div>
        <div class="abs" style="left:72px;top:40px;width:96px;height:22px;border-radius:8px;background:linear-gradient(180deg,var(--l),#fff)"></div>
        <div class="abs body" style="left:74px;top:60px;width:92px;height:166px;clip-path:polygon(0 0,100% 0,86% 100%,14% 100%);border-radius:4px 4px 12px 12px"></div>
        <div class="abs" style="left:164px;top:80px;width:36px;height:80px;border-radius:0 24px 24px 0;border:10px solid var(--a);border-left:none;box-sizing:border-box"></div>`;
    default:
      return `
        <div class="abs body" style="left:40px;top:50px;width:160px;height:170px;border-radius:10px;display:flex;align-items:center;justify-content:center">${label}</div>`;
  }
}

const BASE_CSS = `
  *{margin:0;padding:0}
  html,body{width:100%;height:100%;overflow:hidden}
  body{font-family:${FONT};-webkit-font-smoothing:antialiased}
  .abs{position:absolute}
  .body{background:linear-gradient(90deg,var(--a),var(--l) 38%,var(--a) 92%)}
  .mk{font-weight:700;font-size:26px;color:var(--d);letter-spacing:1px}
`;

function productHtml(p) {
  const pal = paletteFor(p.category);
  const shape = shapeFor(p);
  const name = p.shortTitle || p.title;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${BASE_CSS}
    :root{--a:${pal.a};--l:${pal.l};--d:${pal.d}}
    body{width:480px;height:480px;position:relative;background:radial-gradient(120% 90% at 30% 15%,${pal.bg1} 0%,${pal.bg2} 100%)}
    .halo{position:absolute;left:90px;top:36px;width:300px;height:300px;border-radius:50%;background:radial-gradient(circle,rgba(255,255,255,.75),rgba(255,255,255,0) 70%)}
    .floor{position:absolute;left:130px;top:278px;width:220px;height:26px;border-radius:50%;background:radial-gradient(closest-side,rgba(0,0,0,.16),rgba(0,0,0,0))}
    .stage{position:absolute;left:120px;top:50px;width:240px;height:240px}
    .chip{position:absolute;left:24px;top:22px;padding:4px 12px;border-radius:14px;background:rgba(255,255,255,.7);color:${pal.d};font-size:15px;font-weight:700;letter-spacing:1px}
    .text{position:absolute;left:28px;right:28px;top:318px;bottom:22px;display:flex;flex-direction:column;justify-content:center;align-items:center;text-align:center;gap:6px}
    .brand{font-size:17px;color:${pal.d};opacity:.8;letter-spacing:2px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:100%}
    .name{font-size:38px;line-height:1.18;font-weight:700;color:#2a2326;max-width:100%;overflow-wrap:anywhere}
    .name.clamp{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
  </style></head><body>
    <div class="halo"></div><div class="floor"></div>
    <div class="stage">${shapeHtml(shape, monogram(p.brand || name))}</div>
    <div class="chip">${esc(p.category)}</div>
    <div class="text"><div class="brand">${esc(p.brand)}</div><div class="name" id="name">${esc(name)}</div></div>
  </body></html>`;
}

const AVATAR_PALETTES = [
  ['#f6b8c8', '#c85a7c'],
  ['#b9e2d6', '#3f8f7c'],
  ['#c6d3f2', '#5366a8'],
  ['#f7d8a8', '#b97a2c'],
];

function avatarHtml(h, i) {
  const [c1, c2] = AVATAR_PALETTES[i % AVATAR_PALETTES.length];
  const m = monogram(h.name);
  const size = m.length > 1 ? 58 : 74;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${BASE_CSS}
    body{width:256px;height:256px;position:relative;background:linear-gradient(150deg,${c1},${c2})}
    .sh{position:absolute;left:33px;top:184px;width:190px;height:150px;border-radius:95px 95px 0 0;background:rgba(255,255,255,.24)}
    .hd{position:absolute;left:58px;top:30px;width:140px;height:140px;border-radius:50%;background:rgba(255,255,255,.28);display:flex;align-items:center;justify-content:center}
    .m{font-size:${size}px;font-weight:700;color:#fff;line-height:1;text-shadow:0 2px 8px rgba(0,0,0,.18)}
  </style></head><body>
    <div class="sh"></div><div class="hd"><span class="m">${esc(m)}</span></div>
  </body></html>`;
}

/** Shrinks the product name until it fits in two lines, then clamps it as a last resort. */
async function fitName(page) {
  await page.evaluate(() => {
    const el = document.getElementById('name');
    if (!el) return;
    const maxWidth = el.parentElement.clientWidth;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const tooBig = () => el.getBoundingClientRect().height > size * 1.18 * 2 + 2 || el.scrollWidth > maxWidth + 1;
    while (size > 22 && tooBig()) {
      size -= 2;
      el.style.fontSize = `${size}px`;
    }
    el.classList.add('clamp');
  });
}

async function render(page, html, width, height, outPath, fit) {
  await page.setViewportSize({ width, height });
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  if (fit) await fitName(page);
  const buf = await page.screenshot({ type: 'jpeg', quality: QUALITY, clip: { x: 0, y: 0, width, height } });
  await mkdir(dirname(outPath), { recursive: true });
  await writeFile(outPath, buf);
  return buf.length;
}

/** Image paths must stay inside resources/demo. */
function target(rel) {
  const out = resolve(demoDir, rel);
  if (!out.startsWith(demoDir + '/')) throw new Error(`image path escapes resources/demo: ${rel}`);
  return out;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let count = 0;
let bytes = 0;
try {
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  // Belt and braces: the pages are self-contained, so refuse any network request.
  await context.route(/^(?!data:|about:)/, (route) => route.abort());
  const page = await context.newPage();
  for (const p of workspace.products) {
    for (const rel of p.images) {
      bytes += await render(page, productHtml(p), 480, 480, target(rel), true);
      count++;
    }
  }
  for (const [i, h] of workspace.hosts.entries()) {
    if (!h.avatar) continue;
    bytes += await render(page, avatarHtml(h, i), 256, 256, target(h.avatar), false);
    count++;
  }
} finally {
  await browser.close();
}
console.log(`wrote ${count} images, ${(bytes / 1024).toFixed(0)} KiB, to ${join(demoDir, 'images')}`);
