// The header search: Pagefind's JS API behind Material's search box and result list.
// pagefind.js is imported on first use, so pages cost nothing until someone searches; a query
// then fetches only the index chunks for its words and one fragment per result shown.
// Titles, sources and filter values are set as text, never as HTML; Pagefind's excerpt is
// rebuilt from its text and <mark> nodes only.
(() => {
  "use strict";

  const PAGE_SIZE = 10;
  const FILTER_KEYS = ["actor", "topic", "source"];
  const FILTER_OPTIONS = 30; // values offered per filter, the most frequent in the results
  const DEBOUNCE_MS = 200;

  const root = document.querySelector("[data-archive-search]");
  if (!root) return;
  const toggle = document.getElementById("__search");
  const form = root.querySelector("form");
  const input = root.querySelector(".md-search__input");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const more = root.querySelector(".archive-search__more");
  const filterBar = root.querySelector(".archive-search__filters");
  const selects = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, root.querySelector(`[data-archive-filter="${key}"]`)]),
  );
  const bundleUrl = new URL(root.dataset.archiveSearch, document.baseURI).href;
  const siteRoot = new URL(root.dataset.archiveRoot.replace(/\/?$/, "/"), document.baseURI).pathname;

  let pagefind = null;
  let generation = 0; // the latest query; older answers are dropped
  let pending = [];
  let shown = []; // data of the results on screen, for the filter options
  let timer = 0;

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(bundleUrl).then(async (module) => {
        // Main thread: the worker would be one more script (40 KB) to fetch for a small search.
        await module.options({ baseUrl: siteRoot, excerptLength: 24, noWorker: true });
        module.init();
        return module;
      });
    }
    return pagefind;
  }

  function chosenFilters() {
    const filters = {};
    for (const key of FILTER_KEYS) {
      if (selects[key].value) filters[key] = selects[key].value;
    }
    return filters;
  }

  function textOf(value) {
    return Array.isArray(value) ? value.join(", ") : String(value ?? "");
  }

  function excerptNodes(excerpt) {
    // DOMParser builds an inert document: nothing in it loads or runs.
    const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body;
    const paragraph = document.createElement("p");
    for (const node of parsed.firstChild ? parsed.firstChild.childNodes : []) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(document.createTextNode(node.textContent));
      }
    }
    return paragraph;
  }

  function resultItem(data) {
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    title.textContent = textOf(data.meta.title) || data.url;
    article.append(title);
    if (data.meta.source) {
      const source = document.createElement("p");
      source.className = "archive-search__source";
      source.textContent = textOf(data.meta.source);
      article.append(source);
    }
    const snippet = excerptNodes(data.excerpt || "");
    snippet.className = "archive-search__snippet";
    article.append(snippet);
    link.append(article);
    item.append(link);
    return item;
  }

  function fillFilters() {
    for (const key of FILTER_KEYS) {
      const select = selects[key];
      const chosen = select.value;
      const counts = new Map();
      for (const data of shown) {
        for (const value of data.filters?.[key] ?? []) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      const values = [...counts.keys()]
        .sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b))
        .slice(0, FILTER_OPTIONS);
      if (chosen && !values.includes(chosen)) values.unshift(chosen);
      const any = document.createElement("option");
      any.value = "";
      any.textContent = "Any";
      const options = values.map((value) => {
        const option = document.createElement("option");
        option.value = value;
        option.textContent = counts.has(value) ? `${value} (${counts.get(value)})` : value;
        return option;
      });
      select.replaceChildren(any, ...options);
      select.value = chosen;
    }
    filterBar.hidden = shown.length === 0 && !Object.keys(chosenFilters()).length;
  }

  async function showMore(query) {
    const batch = pending.splice(0, PAGE_SIZE);
    const datas = await Promise.all(batch.map((result) => result.data()));
    if (query !== generation) return;
    shown.push(...datas);
    list.append(...datas.map(resultItem));
    more.hidden = pending.length === 0;
    fillFilters();
  }

  async function runSearch() {
    const query = ++generation;
    const term = input.value.trim();
    if (!term) {
      list.replaceChildren();
      shown = [];
      pending = [];
      more.hidden = true;
      meta.textContent = "Type to start searching";
      fillFilters();
      return;
    }
    const engine = await loadPagefind();
    const search = await engine.search(term, { filters: chosenFilters() });
    if (query !== generation || !search) return;
    const count = search.results.length;
    meta.textContent =
      count === 0 ? "No matching articles" : count === 1 ? "1 matching article" : `${count} matching articles`;
    list.replaceChildren();
    shown = [];
    pending = [...search.results];
    await showMore(query);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(runSearch, DEBOUNCE_MS);
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
    loadPagefind();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", schedule);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      toggle.checked = false;
      input.blur();
    }
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    runSearch();
  });
  form.addEventListener("reset", () => {
    for (const key of FILTER_KEYS) selects[key].value = "";
    setTimeout(() => {
      runSearch();
      input.focus();
    });
  });
  for (const key of FILTER_KEYS) selects[key].addEventListener("change", runSearch);
  more.addEventListener("click", () => showMore(generation));
})();
