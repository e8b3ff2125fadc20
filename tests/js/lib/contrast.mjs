// Text contrast as a person sees it: each piece of text in an element, its computed colour
// against the background actually behind it (translucent layers composited up to the first
// opaque one), as a WCAG contrast ratio. Independent of axe, which skips text it cannot place.

/**
 * Every element under `[data-testid=testid]` (itself included) that holds visible text of its
 * own: [{testid, tag, text, colour, background, ratio}]. Colours are [r, g, b].
 */
export async function textContrast(page, testid) {
  return page.evaluate((testid) => {
    const root = document.querySelector(`[data-testid="${testid}"]`);
    if (!root) throw new Error(`no [data-testid="${testid}"]`);
    const rgba = (s) => {
      const m = s.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, under) => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1);
    };
    const backgroundOf = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      // The page's canvas is white when nothing opaque is found.
      return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const out = [];
    for (const el of [root, ...root.querySelectorAll('*')]) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join(' ').trim();
      const r = el.getBoundingClientRect();
      if (!own || r.width === 0 || r.height === 0) continue;
      const bg = backgroundOf(el);
      const fg = over(rgba(getComputedStyle(el).color), bg);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      out.push({
        testid: el.dataset.testid || null, tag: el.tagName.toLowerCase(), text: own.slice(0, 60),
        colour: fg.slice(0, 3).map(Math.round), background: bg.slice(0, 3).map(Math.round),
        ratio: Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100,
      });
    }
    return out;
  }, testid);
}

/** The pieces of text under `testid` below WCAG AA for body text (4.5:1). */
export async function illegibleText(page, testid) {
  return (await textContrast(page, testid)).filter((t) => t.ratio < 4.5);
}

/** The background colour of `[data-testid=testid]` inside `within` (or the page), as [r, g, b]. */
export async function backgroundColour(page, testid, within = null) {
  return page.evaluate(([testid, within]) => {
    const scope = within ? document.querySelector(`[data-testid="${within}"]`) : document;
    const m = getComputedStyle(scope.querySelector(`[data-testid="${testid}"]`)).backgroundColor.match(/\d+(\.\d+)?/g).map(Number);
    return m.slice(0, 3);
  }, [testid, within]);
}
