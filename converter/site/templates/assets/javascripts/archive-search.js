// The header search behind Material's search box and result list, over the archive's own index
// (default) or Pagefind's. Nothing is fetched until the box is used; a query then fetches only
// the index files for its words and one small file per result shown.
// Titles, sources and filter values are set as text, never as HTML; an excerpt is rebuilt from
// its text and <mark> nodes only.
(() => {
  "use strict";

  const PAGE_SIZE = 10;
  // Each filter option remembers where its engine finds the value's documents (its key).
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

  let engine = null;
  let generation = 0; // the latest query; older answers are dropped
  let pending = [];
  let shown = []; // data of the results on screen, for the filter options
  let timer = 0;

  // --- the archive's own index (converter/site/static_search.py) ---------------------------
  // A query fetches the dictionary file of each word (by its first three characters), the postings
  // files of the words it picks there, and one document file per result shown.
  const PREFIX_CHARS = 3;
  const PREFIX_EXPANSIONS = 8; // words a prefix ("gov") stands for, the most frequent first
  const WORD = /[\p{L}\p{N}]+/gu;

  function archiveEngine(indexUrl) {
    const cache = new Map();
    const fetchJson = (path) => {
      if (!cache.has(path)) {
        cache.set(
          path,
          fetch(new URL(path, indexUrl)).then((response) => (response.ok ? response.json() : null)),
        );
      }
      return cache.get(path);
    };
    // The dictionary file of a word: FNV-1a of its first characters' UTF-8 bytes, as
    // static_search.dictionary_key computes it.
    const dictionaryOf = (token, files) => {
      let value = 0x811c9dc5;
      for (const byte of new TextEncoder().encode([...token].slice(0, PREFIX_CHARS).join(""))) {
        value = Math.imul(value ^ byte, 0x01000193) >>> 0;
      }
      return value % files;
    };
    const wordsOf = (text) => text.normalize("NFC").toLowerCase().match(WORD) ?? [];
    const meta = fetchJson("meta.json");

    async function postings(word) {
      const leaf = await fetchJson(`post/${word.leaf}.json`);
      const weights = new Map();
      let number = 0;
      const flat = leaf?.[word.text] ?? [];
      for (let i = 0; i < flat.length; i += 2) {
        number += flat[i];
        weights.set(number, flat[i + 1]);
      }
      return weights;
    }

    async function candidates(token, isPrefix) {
      const files = (await meta)?.dictionaries ?? 1;
      const entries = (await fetchJson(`dict/${dictionaryOf(token, files)}.json`)) ?? {};
      const words = Object.entries(entries)
        .filter(([text]) => text === token || (isPrefix && text.startsWith(token)))
        .map(([text, [frequency, leaf]]) => ({ text, frequency, leaf }))
        .sort((a, b) => (a.text === token ? -1 : b.text === token ? 1 : b.frequency - a.frequency));
      return words.slice(0, isPrefix ? PREFIX_EXPANSIONS : 1);
    }

    async function tokenScores(words, documents) {
      const scores = new Map();
      for (const word of words) {
        const idf = Math.log(1 + (documents - word.frequency + 0.5) / (word.frequency + 0.5));
        for (const [number, weight] of await postings(word)) {
          scores.set(number, Math.max(scores.get(number) ?? 0, idf * weight));
        }
      }
      return scores;
    }

    function excerpt(text, tokens, prefix) {
      const words = text.split(/\s+/);
      const matches = (word) =>
        wordsOf(word).some((part) => tokens.includes(part) || (prefix && part.startsWith(prefix)));
      const first = Math.max(0, words.findIndex(matches));
      const start = Math.max(0, first - 6);
      const escape = (word) =>
        word.replace(/[&<>"]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]);
      return words
        .slice(start, start + 24)
        .map((word) => (matches(word) ? `<mark>${escape(word)}</mark>` : escape(word)))
        .join(" ");
    }

    return {
      async search(term, chosen) {
        const tokens = wordsOf(term);
        if (!tokens.length) return { results: [] };
        const documents = (await meta)?.docs ?? 0;
        const last = tokens.length - 1;
        const prefix = /[\p{L}\p{N}]$/u.test(term) && tokens[last].length >= PREFIX_CHARS ? tokens[last] : "";
        const picked = await Promise.all(
          tokens.map((token, index) => candidates(token, index === last && prefix !== "")),
        );
        // A word in most articles ("the", "said") says little and its postings are the longest
        // of all: it is left out of a query that has other words.
        const common = (words) => words.length > 0 && words.every((word) => word.frequency > documents / 2);
        const telling = picked.filter((words) => !common(words));
        const perToken = await Promise.all(
          (telling.length ? telling : picked).map((words) => tokenScores(words, documents)),
        );
        // A filter file holds the document numbers of every value hashed to its bucket.
        const lists = await Promise.all(
          Object.values(chosen).map(async ({ key, value }) => (await fetchJson(`filter/${key}.json`))?.[value]),
        );
        const allowed = lists.map((list) => new Set(list ?? []));
        const totals = [];
        for (const [number, score] of perToken[0]) {
          let total = score;
          for (const scores of perToken.slice(1)) {
            const other = scores.get(number);
            if (other === undefined) { total = null; break; }
            total += other;
          }
          if (total !== null && allowed.every((set) => set.has(number))) totals.push([number, total]);
        }
        totals.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        return {
          results: totals.map(([number]) => ({
            data: async () => {
              const doc = await fetchJson(`doc/${number}.json`);
              const filters = {};
              for (const key of FILTER_KEYS) {
                filters[key] = (doc.filters[key] ?? []).map(([value, file]) => [value, `${key}/${file}`]);
              }
              return {
                url: new URL(doc.url, new URL(siteRoot, location.origin)).pathname,
                title: doc.title,
                source: doc.source,
                excerpt: excerpt(doc.text, tokens, prefix),
                filters,
              };
            },
          })),
        };
      },
    };
  }

  // --- Pagefind (converter/site/search.py) -------------------------------------------------
  // Actors are spread over one Pagefind filter per initial ("actor-j", see article-facts.html),
  // so a filtered query fetches one letter's names; each option remembers its filter's key.
  async function pagefindEngine(bundleUrl) {
    const module = await import(bundleUrl);
    // Main thread: the worker would be one more script (40 KB) to fetch for a small search.
    await module.options({ baseUrl: siteRoot, excerptLength: 24, noWorker: true });
    module.init();
    return {
      async search(term, chosen) {
        const filters = {};
        for (const { key, value } of Object.values(chosen)) filters[key] = value;
        const search = await module.search(term, { filters });
        return {
          results: (search?.results ?? []).map((result) => ({
            data: async () => {
              const data = await result.data();
              const grouped = {};
              for (const key of FILTER_KEYS) {
                grouped[key] = Object.entries(data.filters ?? {})
                  .filter(([name]) => name === key || name.startsWith(`${key}-`))
                  .flatMap(([name, values]) => values.map((value) => [value, name]));
              }
              return {
                url: data.url,
                title: textOf(data.meta.title) || data.url,
                source: textOf(data.meta.source),
                excerpt: data.excerpt || "",
                filters: grouped,
              };
            },
          })),
        };
      },
    };
  }

  function loadEngine() {
    if (!engine) {
      engine =
        root.dataset.archiveEngine === "pagefind"
          ? pagefindEngine(bundleUrl)
          : Promise.resolve(archiveEngine(bundleUrl));
    }
    return engine;
  }

  function chosenFilters() {
    // kind -> the chosen value and where its engine finds the value's documents (its key)
    const filters = {};
    for (const kind of FILTER_KEYS) {
      const select = selects[kind];
      if (select.value) filters[kind] = { key: select.selectedOptions[0].dataset.key, value: select.value };
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
    title.textContent = data.title || data.url;
    article.append(title);
    if (data.source) {
      const source = document.createElement("p");
      source.className = "archive-search__source";
      source.textContent = data.source;
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
      const chosenKey = select.selectedOptions[0]?.dataset.key;
      const counts = new Map();
      const keyOf = new Map();
      for (const data of shown) {
        for (const [value, valueKey] of data.filters[key] ?? []) {
          counts.set(value, (counts.get(value) ?? 0) + 1);
          keyOf.set(value, valueKey);
        }
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
        option.dataset.key = keyOf.get(value) ?? chosenKey;
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
    const search = await (await loadEngine()).search(input.value, chosenFilters());
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
    loadEngine();
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
