// Small DOM helpers. Everything from the API is set as text (textContent, value,
// attributes), never as HTML; diagrams are parsed as SVG documents and imported.

/**
 * An element with attributes and children: strings become text nodes.
 * `el("p", { class: "note" }, "Hello ", el("b", {}, name))`
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Appends children (nodes, strings as text, arrays flattened, null skipped). */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces every child of `node`. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * A diagram from the server (already stripped of scripts and given unique ids there) as an
 * SVG element: parsed as XML, cleaned again — no script, no foreignObject, no event
 * attributes, no links out — and imported into the page. Returns null for empty input.
 */
export function svg(text, label) {
  if (!text) return null;
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== SVG_NS || doc.getElementsByTagName("parsererror").length) return null;
  for (const bad of root.querySelectorAll("script, foreignObject, iframe, object, embed")) bad.remove();
  for (const node of [root, ...root.querySelectorAll("*")]) {
    for (const attribute of [...node.attributes]) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim().toLowerCase();
      if (name.startsWith("on")) node.removeAttribute(attribute.name);
      else if ((name === "href" || name === "xlink:href") && !value.startsWith("#")) node.removeAttribute(attribute.name);
      // The page's policy allows no inline style: styles become presentation attributes.
      else if (name === "style") {
        for (const rule of attribute.value.split(";")) {
          const [key, ...rest] = rule.split(":");
          if (key && rest.length && /^[a-z-]+$/.test(key.trim())) node.setAttribute(key.trim(), rest.join(":").trim());
        }
        node.removeAttribute(attribute.name);
      }
    }
  }
  const imported = document.importNode(root, true);
  imported.setAttribute("role", "img");
  if (label) imported.setAttribute("aria-label", label);
  return imported;
}

/** A figure with a caption and a diagram that can be shown fitted or at its own size. */
export function diagram(text, caption, words, className = "diagram") {
  const image = svg(text, caption);
  const box = el("div", { class: "scroll" }, image ?? el("p", { class: "empty", text: words.none }));
  const toggle = el("button", { type: "button", class: "small", text: words.zoom });
  toggle.addEventListener("click", () => {
    const actual = box.classList.toggle("actual");
    toggle.textContent = actual ? words.fit : words.zoom;
  });
  return el("figure", { class: className }, el("figcaption", {}, el("span", { text: caption }), " ", toggle), box);
}

/** A random ticket for following a run's progress. */
export function ticket() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
