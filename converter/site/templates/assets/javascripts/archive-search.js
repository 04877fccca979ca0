// The header search behind Material's search box and result list, over the archive's own index
// (default) or Pagefind's. Nothing is fetched until the box is used; a query then fetches only
// the dictionary file of each word, the postings of its rarest words and, for each result, its
// place in its shard and its record (range requests, a few bytes and about a kilobyte; one
// request serves all the results of a shard's table, and one a run of consecutive records); a
// From or To date adds the index's month table and the day tables of the months it falls in.
// Titles, sources and filter values are set as text, never as HTML; an excerpt is rebuilt from
// its text and <mark> nodes only.
// The search core (first part) is also loaded by Node's test runner (tests/js/): the tokenizer,
// dictionaryKey and impact are those of converter/site/static_search.py, both tested against
// tests/fixtures/search_spec.json.
(() => {
  "use strict";

  // --- the search core: no DOM --------------------------------------------------------------
  const PREFIX_CHARS = 3; // static_search.PREFIX_CHARS: the characters that pick a dictionary file
  const TITLE_WEIGHT = 3;
  const K1 = 1.2;
  const B = 0.75;
  const IMPACT_SCALE = 40;
  const WORD = /[\p{L}\p{N}]+/gu;
  const PAGE_SIZE = 10;
  const MAX_WORDS = 12; // a longer query is searched for its first twelve words
  const PREFIX_STEMS = 3; // other words a last word stands for as a prefix ("gov": government)
  const TYPO_STEMS = 3; // words a typo stands for, the closest and most frequent first
  const TYPO_MIN_CHARS = 5; // a shorter word with no match is not guessed at
  const MAX_SUFFIX = 3; // a word never seen is taken for a known word it extends by this much
  const PLURAL = ["s", "es"]; // endings the stemmer leaves on some words ("bbqs"): other forms
  const PHRASE_CHECKS = 40; // documents read per page to find those holding a phrase
  const TEXT_PARTS = 2; // parts of a long text read to find a word before fetching its postings
  // A document scores, for each query word, BM25: the rarity (idf) of the word as typed where
  // it holds that form; else of the word's family (its regular inflections: "stages" for
  // "stage") where it holds one of those, as a reader's "stage" may be the article's "stages";
  // else of its stem times OTHER_FORM (a derived word, or one the stemmer merges: "federal" for
  // "federer"), or of a word the typo may stand for times TYPO. A completion of a last word
  // still being typed counts as typed. The form as typed is never commoner than its family, so
  // it ranks first where all else is equal, then its family, then the stem, then typos.
  const AS_TYPED = 1;
  const OTHER_FORM = 0.7;
  const TYPO = 0.4;
  const [STEM, FAMILY, FORM] = [0, 1, 2]; // what a document holds of a query word: see sense()

  function words(text) {
    return text.normalize("NFC").toLowerCase().match(WORD) ?? [];
  }

  // The dictionary file of a word: FNV-1a of its first characters' UTF-8 bytes.
  function dictionaryKey(word, files) {
    let value = 0x811c9dc5;
    for (const byte of new TextEncoder().encode([...word].slice(0, PREFIX_CHARS).join(""))) {
      value = Math.imul(value ^ byte, 0x01000193) >>> 0;
    }
    return value % files;
  }

  // The BM25 weight of a word in a document, as static_search.impact stores it.
  function impact(frequency, length, average) {
    const norm = average ? K1 * (1 - B + (B * length) / average) : K1;
    return Math.max(1, Math.floor((IMPACT_SCALE * frequency * (K1 + 1)) / (frequency + norm) + 0.5));
  }

  // A parsed JSON object's own entry: a word or a name may be "constructor" or "__proto__".
  function own(object, key) {
    return object && Object.hasOwn(object, key) ? object[key] : undefined;
  }

  function idf(frequency, documents) {
    return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
  }

  // A word less a regular inflectional ending (plural, -ed, -ing; a final e or doubled letter):
  // "stages", "staged" and "staging" have the base of "stage"; "federal" not that of "federer".
  function inflectionBase(word) {
    const chars = [...word];
    const ends = (ending, keep) => chars.length > ending.length + keep && word.endsWith(ending);
    let base = word;
    if (ends("ies", 1) || ends("ied", 1)) base = `${word.slice(0, -3)}y`;
    else if (ends("ing", 2)) base = word.slice(0, -3);
    else if (ends("ed", 2) || ends("es", 2)) base = word.slice(0, -2);
    else if (ends("s", 2) && !word.endsWith("ss")) base = word.slice(0, -1);
    return base.replace(/e$/u, "").replace(/(.)\1$/u, "$1");
  }

  // Optimal string alignment distance (a swap of neighbours is one edit), or limit + 1.
  function editDistance(a, b, limit) {
    const s = [...a];
    const t = [...b];
    if (Math.abs(s.length - t.length) > limit) return limit + 1;
    let before = null;
    let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
    for (let i = 1; i <= s.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= t.length; j++) {
        const cost = s[i - 1] === t[j - 1] ? 0 : 1;
        let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        row.push(value);
        best = Math.min(best, value);
      }
      if (best > limit) return limit + 1;
      before = previous;
      previous = row;
    }
    return Math.min(previous[t.length], limit + 1);
  }

  // The words of a query (the first MAX_WORDS distinct ones), its "quoted phrases", and
  // whether its last word is still being typed (it then also stands for its completions).
  function parseQuery(term) {
    const all = words(term);
    const tokens = [...new Set(all)];
    const phrases = [...term.matchAll(/"([^"]*)"?/g)].map((match) => words(match[1])).filter((p) => p.length > 1);
    const open = (term.match(/"/g) ?? []).length % 2 === 1;
    const typing = /[\p{L}\p{N}]$/u.test(term);
    const last = all[all.length - 1] ?? "";
    return {
      all,
      tokens: tokens.slice(0, MAX_WORDS),
      truncated: tokens.length > MAX_WORDS,
      prefix: typing && [...last].length >= PREFIX_CHARS && tokens.indexOf(last) < MAX_WORDS ? last : "",
      phrases,
      openPhrase: open && typing,
    };
  }

  // Dictionary files from neighbouring first letters, where a typo in those letters sends a
  // word: two of the first four swapped, or one of the first three extra.
  function typoPrefixes(token) {
    const chars = [...token];
    const variants = [];
    for (let i = 0; i < PREFIX_CHARS && i + 1 < chars.length; i++) {
      const swapped = [...chars];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
      variants.push(swapped.join(""));
    }
    for (let i = 0; i < PREFIX_CHARS && chars.length > PREFIX_CHARS; i++) {
      variants.push(chars.filter((_, j) => j !== i).join(""));
    }
    return variants;
  }

  // --- dates: documents are numbered newest first (undated last), so a From-To range is one
  // run of numbers, found in the month table and two day tables (search_dates.py) ------------
  const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

  // A From (`last` false) or To date as typed: a date input gives YYYY-MM-DD; where a browser
  // has no date picker, YYYY-MM and YYYY stand for their first or last day. "" when empty,
  // null when not a date.
  function dateBound(text, last) {
    const value = String(text ?? "").trim();
    if (!value) return "";
    const match = DATE.exec(value);
    if (!match) return null;
    const [, year, month, day] = match;
    if ((month && (month < "01" || month > "12")) || (day && (day < "01" || day > "31"))) return null;
    return `${year}-${month ?? (last ? "12" : "01")}-${day ?? (last ? "31" : "01")}`;
  }

  // The first document dated on or before `date` (`before`: strictly before it), from the
  // month table and the day table of the month `date` is in (null when it has no articles).
  function firstOnOrBefore(date, table, days, before) {
    const month = date.slice(0, 7);
    const months = table.months ?? [];
    for (let i = 0; i < months.length; i++) {
      const [name, first] = months[i];
      if (name < month) return first;
      if (name !== month) continue;
      for (const [day, start] of days ?? []) {
        const found = `${month}-${String(day).padStart(2, "0")}`;
        if (before ? found < date : found <= date) return start;
      }
      return months[i + 1]?.[1] ?? table.dated ?? 0;
    }
    return table.dated ?? 0;
  }

  // The documents dated `from` to `to`, both days included (either may be "", not both): the
  // numbers start to end - 1; `days` maps a month to its day table. Undated ones are never in.
  function dateRun(table, days, from, to) {
    const start = to ? firstOnOrBefore(to, table, days.get(to.slice(0, 7)), false) : 0;
    const end = from ? firstOnOrBefore(from, table, days.get(from.slice(0, 7)), true) : (table.dated ?? 0);
    return { start, end: Math.max(start, end) };
  }

  // JSON of raw-deflated bytes (the result shards' records and parts), or null.
  async function inflateJson(bytes) {
    if (!bytes) return null;
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return JSON.parse(await new Response(stream).text());
  }

  // A search engine over the index that `index` reads: `index.json(path)` a promise of the
  // parsed file, `index.bytes(path, start, end)` of those bytes of a file, either null if
  // missing. Each file, or range of a file, is fetched at most once.
  function createEngine(index) {
    const files = new Map();
    const cached = (key, read) => {
      if (!files.has(key)) {
        const loading = Promise.resolve().then(read);
        loading.catch(() => files.delete(key)); // a failed fetch is tried again next time
        files.set(key, loading);
      }
      return files.get(key);
    };
    const load = (path, parse = (value) => value) =>
      cached(path, async () => {
        const value = await index.json(path);
        return value ? parse(value) : null;
      });
    // Documents' records (with the byte ranges of their further parts) and those parts: the
    // shard's table gives where a record is (static_search.py). Records asked for together
    // come in few requests (a browser opens six at a time to a host): one range of each shard's
    // table for all of its documents, then one range for each run of consecutive documents,
    // whose records lie end to end. Each is cached as `doc <number>`.
    const shardOf = async (number) => {
      const size = (await meta())?.shard ?? 1;
      return { path: `doc/${Math.floor(number / size)}.bin`, slot: number % size };
    };
    async function shardRecords(path, slots) {
      const [first, last] = [slots[0], slots[slots.length - 1]];
      const table = await index.bytes(path, 4 * first, 4 * last + 8);
      if (!table) return slots.map(() => null);
      const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
      const offset = (slot) => view.getUint32(4 * (slot - first), true);
      const runs = [];
      for (const slot of slots) {
        const run = runs[runs.length - 1];
        if (run && slot === run[run.length - 1] + 1) run.push(slot);
        else runs.push([slot]);
      }
      const read = await Promise.all(
        runs.map(async (run) => {
          const start = offset(run[0]);
          const bytes = await index.bytes(path, start, offset(run[run.length - 1] + 1));
          return run.map((slot) => bytes && inflateJson(bytes.subarray(offset(slot) - start, offset(slot + 1) - start)));
        }),
      );
      return Promise.all(read.flat());
    }
    function loadRecords(numbers) {
      const wanted = [...new Set(numbers)].filter((number) => !files.has(`doc ${number}`)).sort((a, b) => a - b);
      if (!wanted.length) return;
      const batch = (async () => {
        const shards = new Map();
        for (const number of wanted) {
          const { path, slot } = await shardOf(number);
          if (!shards.has(path)) shards.set(path, { numbers: [], slots: [] });
          shards.get(path).numbers.push(number);
          shards.get(path).slots.push(slot);
        }
        const found = new Map();
        await Promise.all(
          [...shards].map(async ([path, { numbers: members, slots }]) => {
            (await shardRecords(path, slots)).forEach((doc, i) => found.set(members[i], doc));
          }),
        );
        return found;
      })();
      for (const number of wanted) cached(`doc ${number}`, async () => (await batch).get(number) ?? null);
    }
    const record = (number) => {
      loadRecords([number]);
      return files.get(`doc ${number}`);
    };
    const part = (number, range) =>
      cached(`doc ${number} ${range[0]}`, async () => inflateJson(await index.bytes((await shardOf(number)).path, ...range)));
    const meta = () => load("meta.json");
    meta(); // as soon as the box is used: every query needs it first
    const asDictionary = (json) => ({
      words: new Map(Object.entries(json.words ?? {})),
      stems: (json.stems ?? []).map(([stem, frequency, where, forms]) => ({ stem, frequency, where, forms })),
    });
    const dictionary = async (word) => {
      const count = (await meta())?.dictionaries ?? 1;
      return (await load(`dict/${dictionaryKey(word, count)}.json`, asDictionary)) ?? asDictionary({});
    };

    // How a query word can be met: each sense is a stem, the factor of its documents, the bit
    // and document frequency of the word as typed in that stem, and its family: the forms of
    // the stem that are the word itself, another of its regular inflections (plural, -ed, -ing),
    // with their bits and summed document frequency. A document holding the word as typed scores
    // with that form's rarity, one holding another of its family with the family's, one holding
    // only other forms of the stem (derived words, or words the stemmer merges, federer/federal)
    // with the stem's times `factor`.
    function sense(dict, record, factor, token = "", entry = [0, -1, 0]) {
      const family = { forms: new Set(), mask: 0, frequency: 0 };
      const root = token && inflectionBase(token);
      for (const [word, [stem, bit, frequency]] of token ? dict.words : []) {
        if (dict.stems[stem] === record && inflectionBase(word) === root) {
          family.forms.add(word);
          family.mask |= bit >= 0 ? 1 << bit : 0;
          family.frequency += frequency;
        }
      }
      family.frequency = Math.min(family.frequency, record.frequency);
      return { ...record, dict, factor, bit: entry[1], formFrequency: entry[2], family };
    }

    async function lookUp(token, isPrefix) {
      const dict = await dictionary(token);
      const senses = [];
      const exact = dict.words.get(token);
      if (exact) senses.push(sense(dict, dict.stems[exact[0]], OTHER_FORM, token, exact));
      if (isPrefix) {
        const completions = new Map();
        for (const [word, [stem]] of dict.words) {
          if (word.startsWith(token) && word !== token) {
            completions.set(stem, dict.stems[stem]);
          }
        }
        const known = new Set(senses.map((s) => s.stem));
        [...completions.values()]
          .filter((record) => !known.has(record.stem))
          .sort((a, b) => b.frequency - a.frequency || (a.stem < b.stem ? -1 : 1))
          .slice(0, PREFIX_STEMS)
          .forEach((record) => senses.push(sense(dict, record, AS_TYPED)));
      }
      if (exact) {
        // The word with or without a plural ending, where the stemmer kept the ending.
        const known = new Set(senses.map((s) => s.stem));
        for (const ending of PLURAL) {
          for (const other of [token + ending, token.endsWith(ending) ? token.slice(0, -ending.length) : ""]) {
            const entry = other && dict.words.get(other);
            const record = entry && dict.stems[entry[0]];
            if (record && !known.has(record.stem)) {
              known.add(record.stem);
              senses.push(sense(dict, record, OTHER_FORM, token));
            }
          }
        }
      }
      if (!senses.length) {
        // Never seen: the stem of the longest known word or stem it extends by a short ending.
        let best = null;
        const consider = (key, record) => {
          const length = [...key].length;
          if (token.startsWith(key) && length >= PREFIX_CHARS && [...token].length - length <= MAX_SUFFIX) {
            if (!best || length > best.length) best = { length, record };
          }
        };
        for (const [word, [stem]] of dict.words) consider(word, dict.stems[stem]);
        for (const record of dict.stems) consider(record.stem, record);
        if (best) senses.push(sense(dict, best.record, OTHER_FORM, token));
      }
      const completed = senses.some((s) => s.factor === AS_TYPED);
      return { token, isPrefix, dict, senses, typos: false, seen: Boolean(exact), completed };
    }

    // Words within one edit (two from nine letters) in the word's dictionary file and in the
    // files its first letters would pick had they been typed in another order.
    async function addTypos(term) {
      term.typos = true;
      const length = [...term.token].length;
      if (length < TYPO_MIN_CHARS) return;
      const limit = length >= 9 ? 2 : 1;
      const dicts = [term.dict, ...(await Promise.all(typoPrefixes(term.token).map(dictionary)))];
      const found = new Map();
      for (const dict of new Set(dicts)) {
        for (const [word, [stem]] of dict.words) {
          if (word === term.token) continue;
          const distance = editDistance(word, term.token, limit);
          const record = dict.stems[stem];
          const seen = found.get(record.stem);
          if (distance <= limit && (!seen || distance < seen.distance)) {
            found.set(record.stem, { distance, sense: sense(dict, record, TYPO) });
          }
        }
      }
      const known = new Set(term.senses.map((s) => s.stem));
      [...found.values()]
        .filter(({ sense }) => !known.has(sense.stem))
        .sort((a, b) => a.distance - b.distance || b.sense.frequency - a.sense.frequency)
        .slice(0, TYPO_STEMS)
        .forEach(({ sense }) => term.senses.push(sense));
    }

    const frequencyOf = (term) => term.senses.reduce((sum, s) => sum + s.frequency, 0);
    // A sense's weight in a document holding the word as typed (FORM), another form of its
    // family (FAMILY) or only other forms of the stem (STEM).
    const weightOf = (s, held, documents) =>
      (held === FORM
        ? idf(s.formFrequency, documents)
        : held === FAMILY
          ? idf(s.family.frequency, documents)
          : s.factor * idf(s.frequency, documents)) / IMPACT_SCALE;

    // Document number -> the word's best score there, from the postings of its senses.
    async function postingScores(term, documents) {
      const scores = new Map();
      for (const s of term.senses) {
        const flat = Array.isArray(s.where) ? s.where : own(await load(`post/${s.where}.json`), s.stem);
        if (!Array.isArray(flat)) continue;
        const stride = s.forms > 1 ? 3 : 2;
        const weights = [STEM, FAMILY, FORM].map((held) => weightOf(s, held, documents));
        let number = 0;
        for (let i = 0; i < flat.length; i += stride) {
          number += flat[i];
          const forms = stride === 2 ? 1 : flat[i + 2]; // a stem of one form: its bit is 0
          const held = s.bit >= 0 && forms & (1 << s.bit) ? FORM : forms & s.family.mask ? FAMILY : STEM;
          const score = weights[held] * flat[i + 1];
          if (score > (scores.get(number) ?? 0)) scores.set(number, score);
        }
      }
      return scores;
    }

    // The same score read from a document's text (for words whose postings were not fetched):
    // the stem's frequency counts the document's words that the dictionary gives that stem.
    function textScore(term, counts, length, average, documents) {
      let best = 0;
      for (const s of term.senses) {
        let frequency = 0;
        let inFamily = false;
        for (const [word, count] of counts) {
          const entry = s.dict.words.get(word);
          if (entry && s.dict.stems[entry[0]] && s.dict.stems[entry[0]].stem === s.stem) {
            frequency += count;
            inFamily ||= s.family.forms.has(word);
          }
        }
        if (!frequency) continue;
        const held = s.bit >= 0 && counts.has(term.token) ? FORM : inFamily ? FAMILY : STEM;
        best = Math.max(best, weightOf(s, held, documents) * impact(frequency, length, average));
      }
      return best;
    }

    // A document's words as far as its text is read: a long text comes in parts, read on only
    // while `enough(read)` is false, up to `limit` parts. `length` is the whole document's.
    async function readDocument(number, enough, limit = Infinity) {
      const doc = await record(number);
      if (!doc) return null;
      const title = words(doc.title);
      const more = doc.more ?? [];
      let text = doc.text;
      for (let parts = 1; ; parts++) {
        const complete = parts > more.length;
        const read = { doc, text, title, words: words(text), counts: new Map(), length: doc.length, complete };
        for (const word of read.words) read.counts.set(word, (read.counts.get(word) ?? 0) + 1);
        for (const word of title) read.counts.set(word, (read.counts.get(word) ?? 0) + TITLE_WEIGHT);
        if (complete || parts >= limit || enough(read)) return read;
        text += (await part(number, more[parts - 1])) ?? "";
      }
    }

    function holdsPhrases(read, query) {
      return query.phrases.every((phrase, index) => {
        const prefixLast = query.openPhrase && index === query.phrases.length - 1;
        const matches = (list, at) =>
          phrase.every((word, k) =>
            prefixLast && k === phrase.length - 1 ? (list[at + k] ?? "").startsWith(word) : list[at + k] === word,
          );
        return [read.title, read.words].some((list) => list.some((_, at) => matches(list, at)));
      });
    }

    const sameWords = (a, b) => a.length === b.length && a.every((word, i) => word === b[i]);

    function excerpt(text, terms) {
      const parts = text.split(/\s+/);
      const matchesWord = (word) =>
        terms.some(
          (term) =>
            word === term.token ||
            term.senses.some((s) => {
              const entry = s.dict.words.get(word);
              return entry && s.dict.stems[entry[0]]?.stem === s.stem;
            }),
        );
      const matches = (part) => words(part).some(matchesWord);
      const first = Math.max(0, parts.findIndex(matches));
      const start = Math.max(0, first - 6);
      const escape = (word) =>
        word.replace(/[&<>"]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]);
      return parts
        .slice(start, start + 24)
        .map((part) => (matches(part) ? `<mark>${escape(part)}</mark>` : escape(part)))
        .join(" ");
    }

    function resultData(number, read, terms) {
      const doc = read.doc;
      return {
        number,
        url: doc.url,
        title: doc.title,
        source: doc.source,
        date: doc.date ?? "",
        excerpt: excerpt(read.text, terms),
        filters: Object.fromEntries(
          Object.entries(doc.filters ?? {}).map(([kind, values]) => [kind, values.map(([value, file]) => [value, `${kind}/${file}`])]),
        ),
      };
    }

    // The run of documents a From-To range holds: the month table and the day tables of the
    // months its ends fall in, fetched only now.
    async function dateRange(from, to) {
      const table = (await load("dates/months.json")) ?? { dated: 0, months: [] };
      const known = new Set((table.months ?? []).map(([month]) => month));
      const months = [...new Set([from, to].filter(Boolean).map((date) => date.slice(0, 7)))];
      const days = await Promise.all(
        months.filter((month) => known.has(month)).map(async (month) => [month, await load(`dates/${month}.json`)]),
      );
      return dateRun(table, new Map(days), from, to);
    }

    // The documents the chosen filters and the date run allow, newest first, when few enough
    // to be worth listing (at most `limit`), else null.
    async function narrowed(chosen, run, limit) {
      const lists = await Promise.all(
        Object.values(chosen).map(async ({ key, value }) => own(await load(`filter/${key}.json`), value) ?? []),
      );
      const inRun = (number) => !run || (number >= run.start && number < run.end);
      const allowed = lists.map((list) => new Set(list));
      const admits = (number) => inRun(number) && allowed.every((set) => set.has(number));
      let numbers = null;
      if (lists.length) {
        const shortest = lists.reduce((a, b) => (b.length < a.length ? b : a));
        numbers = [...new Set(shortest)].filter(admits).sort((a, b) => a - b);
      } else if (run && run.end - run.start <= limit) {
        numbers = Array.from({ length: run.end - run.start }, (_, i) => run.start + i);
      }
      return { admits, numbers: numbers && numbers.length <= limit ? numbers : null };
    }

    // All documents holding every telling word: postings of the rarest words first; once at most a
    // page of documents is left, the other words are checked in their text instead of fetching
    // their (longer) postings. A word in more than half of the archive is skipped if there are
    // more than a page of documents, as it would not change which ones match. Filters and a date
    // range narrow the documents before any is scored; if they leave a page or less, no postings
    // are fetched, and a query of common words only is searched in their text.
    async function retrieve(terms, query, chosen, run, documents, average, current) {
      const byFrequency = [...terms].sort((a, b) => frequencyOf(a) - frequencyOf(b));
      const telling = byFrequency.filter((term) => frequencyOf(term) <= documents / 2);
      const fetched = telling.length ? telling : byFrequency; // common words only: a narrowed search
      const { admits, numbers } = await narrowed(chosen, run, PAGE_SIZE);
      let scores = numbers && new Map(numbers.map((number) => [number, 0]));
      const taken = new Set();
      const take = async (batch) => {
        if (!current()) throw new Superseded();
        const found = await Promise.all(batch.map((term) => postingScores(term, documents)));
        batch.forEach((term, i) => {
          taken.add(term);
          const next = new Map();
          for (const [number, score] of found[i]) {
            if (scores === null ? admits(number) : scores.has(number)) {
              next.set(number, (scores?.get(number) ?? 0) + score);
            }
          }
          scores = next;
        });
      };
      if (scores === null) {
        // One word's postings at a time (a search typed past stops between them), the rarest
        // first, with those in the dictionary files already.
        const inline = fetched.filter((term) => term.senses.every((s) => Array.isArray(s.where)));
        await take([...new Set([fetched[0], ...inline])]);
      }
      for (const term of fetched) {
        if (scores.size <= PAGE_SIZE) break;
        if (!taken.has(term)) await take([term]);
      }
      const unchecked = terms.filter((term) => !taken.has(term));
      let ranked = [...scores].map(([number, score]) => ({ number, score, title: false }));
      const settled = scores.size <= PAGE_SIZE;
      if (settled && !current()) throw new Superseded();
      if (settled) {
        // Words are looked for in the first TEXT_PARTS parts of a document's text (phrases in all
        // of it); a word not found in a longer one is looked up in its postings after all.
        const scored = (read) => unchecked.map((term) => textScore(term, read.counts, read.length, average, documents));
        const enough = (read) => scored(read).every((score) => score > 0) && holdsPhrases(read, query);
        const limit = query.phrases.length ? Infinity : TEXT_PARTS;
        loadRecords(ranked.map(({ number }) => number));
        const reads = await Promise.all(ranked.map(({ number }) => readDocument(number, enough, limit)));
        const unresolved = new Set();
        for (const read of reads) {
          if (read && !read.complete) scored(read).forEach((score, k) => score || unresolved.add(unchecked[k]));
        }
        const looked = new Map(
          await Promise.all([...unresolved].map(async (term) => [term, await postingScores(term, documents)])),
        );
        ranked = ranked.flatMap((result, i) => {
          const read = reads[i];
          if (!read || !holdsPhrases(read, query)) return [];
          let score = result.score;
          for (const [k, found] of scored(read).entries()) {
            const value = found || (looked.get(unchecked[k])?.get(result.number) ?? 0);
            if (!value) return [];
            score += value;
          }
          return [{ number: result.number, score, title: sameWords(read.title, query.all), read }];
        });
      }
      ranked.sort((a, b) => b.title - a.title || b.score - a.score || a.number - b.number);
      return { ranked, settled };
    }

    // A search the reader has typed past (`current()` false) stops before fetching postings or
    // documents: while typing, only dictionary files are fetched, and those are needed anyway.
    class Superseded extends Error {}

    // `dates`: {from, to} as typed (either may be empty); `chosen`: kind -> {key, value}.
    async function search(term, chosen = {}, current = () => true, dates = {}) {
      try {
        return await answer(term, chosen, current, dates);
      } catch (error) {
        if (error instanceof Superseded) return { total: 0, exact: true, superseded: true, next: async () => [] };
        throw error;
      }
    }

    const told = (message, notes = []) => ({ total: 0, exact: true, message, notes, next: async () => [] });

    async function answer(term, chosen, current, dates) {
      const query = parseQuery(term);
      const from = dateBound(dates.from, false);
      const to = dateBound(dates.to, true);
      if (from === null || to === null) return told("Type dates as YYYY-MM-DD");
      if (from && to && from > to) return told("The From date is after the To date");
      const ranging = from || to ? dateRange(from, to) : null;
      ranging?.catch(() => {}); // fetched beside the words' files; a failure is met where awaited
      const narrowing = Boolean(ranging) || Object.keys(chosen).length > 0;
      if (!query.tokens.length && narrowing) {
        // No words, only filters or dates: their articles, newest first.
        const { numbers } = await narrowed(chosen, await ranging, Infinity);
        if (!current()) throw new Superseded();
        if (!numbers.length) return told(ranging ? "No articles in this date range" : "No matching articles");
        return results(numbers.map((number) => ({ number, score: 0, title: false })), true, query, [], []);
      }
      if (!query.tokens.length) return told("No words to search for");
      if (query.tokens.every((token) => [...token].length < 2)) return told("Type two letters or more");
      const { docs: documents = 0, average = 0 } = (await meta()) ?? {};
      const terms = await Promise.all(query.tokens.map((token) => lookUp(token, token === query.prefix)));
      // A word never seen may be a typo, even when it looks like a known word's other form.
      await Promise.all(terms.filter((t) => !t.seen && !t.completed).map(addTypos));
      let found = terms.filter((t) => t.senses.length);
      const missing = terms.filter((t) => !t.senses.length).map((t) => t.token);
      const notes = [];
      if (query.truncated) notes.push(`Searched for the first ${MAX_WORDS} words.`);
      if (missing.length && found.length) notes.push(`No article has ${missing.map((w) => `“${w}”`).join(", ")}: searched without.`);
      if (!found.length) return told("No matching articles", notes);
      if (!narrowing && found.every((t) => frequencyOf(t) > documents / 2)) {
        const listed = found.map((t) => `“${t.token}”`).join(", ");
        return told(`${listed}: in most articles; add a rarer word`, notes);
      }
      const run = await ranging;
      if (run && run.start === run.end) return told("No articles in this date range", notes);
      let { ranked, settled } = await retrieve(found, query, chosen, run, documents, average, current);
      if (!ranked.length) {
        // A typo can make another word ("trail" for "trial"): try the close words too.
        const retry = found.filter((t) => !t.typos && [...t.token].length >= TYPO_MIN_CHARS);
        if (retry.length) {
          await Promise.all(retry.map(addTypos));
          found = terms.filter((t) => t.senses.length);
          ({ ranked, settled } = await retrieve(found, query, chosen, run, documents, average, current));
        }
      }
      return results(ranked, settled, query, found, notes);
    }

    // The answer over ranked documents: its size, and `next()` for each page of result data.
    function results(ranked, settled, query, found, notes) {
      const checkPhrases = !settled && query.phrases.length > 0;
      let position = 0;
      let first = true;
      const next = async () => {
        const page = [];
        const enough = (read) => !checkPhrases || holdsPhrases(read, query);
        const start = position;
        while (page.length < PAGE_SIZE && position < ranked.length && position - start < PHRASE_CHECKS) {
          const batch = ranked.slice(position, position + PAGE_SIZE - page.length);
          loadRecords(batch.map((result) => result.number)); // those read already are cached
          const reads = await Promise.all(batch.map((result) => result.read ?? readDocument(result.number, enough)));
          position += batch.length;
          batch.forEach((result, i) => reads[i] && enough(reads[i]) && page.push({ result, read: reads[i] }));
        }
        if (first && !settled) {
          // A title equal to the query comes first, whatever the weights.
          page.sort((a, b) => sameWords(b.read.title, query.all) - sameWords(a.read.title, query.all));
        }
        first = false;
        return page.map(({ result, read }) => resultData(result.number, read, found));
      };
      return { total: ranked.length, exact: !checkPhrases, notes, next, remaining: () => position < ranked.length };
    }

    // While the query is typed: the files its search will fetch whatever is typed next, each
    // word's dictionary file and, for a word that file neither holds nor completes (nothing typed
    // after it can make it a known word), the files its typos are looked for in.
    function prefetch(term) {
      const query = parseQuery(term);
      for (const token of query.tokens.filter((t) => [...t].length >= PREFIX_CHARS)) {
        dictionary(token)
          .then((dict) => {
            const completes = token === query.prefix && [...dict.words.keys()].some((word) => word.startsWith(token));
            if ([...token].length >= TYPO_MIN_CHARS && !dict.words.has(token) && !completes) {
              typoPrefixes(token).forEach(dictionary);
            }
          })
          .catch(() => {}); // met again, and reported, by the search itself
      }
    }

    return { search, prefetch };
  }

  const core = { words, dictionaryKey, impact, idf, inflectionBase, editDistance, parseQuery, typoPrefixes, dateBound, dateRun, createEngine };
  if (typeof document === "undefined") {
    if (typeof module === "object" && module.exports) module.exports = core;
    return;
  }

  // --- the search box ----------------------------------------------------------------------
  // Each filter option remembers where its engine finds the value's documents (its key).
  const FILTER_KEYS = ["actor", "topic", "source"];
  const DATE_KEYS = ["from", "to"]; // our own index only: Pagefind's box has no dates
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"]; // as the site's pages write a date, in every locale
  const FILTER_OPTIONS = 30; // values offered per filter, the most frequent in the results
  const DEBOUNCE_MS = 120;

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
  const dateInputs = DATE_KEYS.map((key) => root.querySelector(`[data-archive-date="${key}"]`)).filter(Boolean);
  // Our own index lists the articles of the chosen dates and filters even with no words.
  const listsWithoutWords = root.dataset.archiveEngine !== "pagefind";
  const bundleUrl = new URL(root.dataset.archiveSearch, document.baseURI).href;
  const siteRoot = new URL(root.dataset.archiveRoot.replace(/\/?$/, "/"), document.baseURI).pathname;

  let engine = null;
  let generation = 0; // the latest query; older answers are dropped
  let answer = null;
  let shown = []; // data of the results on screen, for the filter options
  let timer = 0;

  function archiveEngine(indexUrl) {
    const whole = new Map(); // files a server sent whole, ignoring a range request (a dev server)
    const bytes = async (path, start, end) => {
      if (!whole.has(path)) {
        const headers = { Range: `bytes=${start}-${end - 1}` };
        const response = await fetch(new URL(path, indexUrl), { headers });
        if (response.status === 206) {
          const range = new Uint8Array(await response.arrayBuffer());
          if (range.length !== end - start) throw new Error(`${path}: a range of the wrong size`);
          return range;
        }
        if (!response.ok) return null;
        whole.set(path, new Uint8Array(await response.arrayBuffer()));
      }
      return whole.get(path).subarray(start, end);
    };
    const core = createEngine({
      json: (path) => fetch(new URL(path, indexUrl)).then((response) => (response.ok ? response.json() : null)),
      bytes,
    });
    return {
      prefetch: core.prefetch,
      async search(term, chosen, current, dates) {
        const found = await core.search(term, chosen, current, dates);
        const pageUrl = (url) => new URL(url, new URL(siteRoot, location.origin)).pathname;
        return { ...found, next: async () => (await found.next()).map((data) => ({ ...data, url: pageUrl(data.url) })) };
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
      prefetch() {},
      async search(term, chosen) {
        const filters = {};
        for (const { key, value } of Object.values(chosen)) filters[key] = value;
        const search = await module.search(term, { filters });
        const results = search?.results ?? [];
        let position = 0;
        return {
          total: results.length,
          exact: true,
          notes: [],
          remaining: () => position < results.length,
          next: async () => {
            const batch = results.slice(position, position + PAGE_SIZE);
            position += batch.length;
            return Promise.all(
              batch.map(async (result) => {
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
              }),
            );
          },
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

  function chosenDates() {
    // A date input holds YYYY-MM-DD, or "" while a date is incomplete; where a browser has no
    // date picker it is a text box, and the engine reads YYYY-MM-DD, YYYY-MM or YYYY.
    return Object.fromEntries(dateInputs.map((field) => [field.dataset.archiveDate, field.value]));
  }

  function dateLabel(date) {
    const [year, month, day] = date.split("-").map(Number);
    return MONTHS[month - 1] ? `${day} ${MONTHS[month - 1]} ${year}` : date;
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
    if (data.date) {
      const line = document.createElement("p");
      line.className = "archive-search__date";
      const time = document.createElement("time");
      time.dateTime = data.date;
      time.textContent = dateLabel(data.date);
      line.append(time);
      article.append(line);
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

  function describe(found) {
    if (found.message) return found.message;
    const count = found.total;
    if (count === 0) return "No matching articles";
    if (!found.exact) return `Up to ${count} matching articles`;
    return count === 1 ? "1 matching article" : `${count} matching articles`;
  }

  async function showMore(query) {
    const datas = await answer.next();
    if (query !== generation) return;
    shown.push(...datas);
    list.append(...datas.map(resultItem));
    more.hidden = !answer.remaining?.();
    if (!answer.exact && !answer.remaining?.()) meta.textContent = shown.length === 1 ? "1 matching article" : `${shown.length} matching articles`;
    fillFilters();
  }

  async function runSearch() {
    const query = ++generation;
    clearTimeout(timer);
    const term = input.value.trim();
    const dates = chosenDates();
    const narrowed = Object.values(dates).some(Boolean) || Object.keys(chosenFilters()).length > 0;
    if (!term && !(narrowed && listsWithoutWords)) {
      list.replaceChildren();
      shown = [];
      answer = null;
      more.hidden = true;
      meta.textContent = "Type to start searching";
      fillFilters();
      return;
    }
    try {
      const current = () => query === generation;
      const found = await (await loadEngine()).search(input.value, chosenFilters(), current, dates);
      if (query !== generation || !found) return;
      answer = found;
      meta.textContent = [describe(found), ...(found.notes ?? [])].join(" ");
      list.replaceChildren();
      shown = [];
      more.hidden = true; // until this answer's first page is in: it would page the new answer
      await showMore(query);
    } catch {
      // A file of the index could not be fetched or read (offline, a partly uploaded site).
      if (query === generation) meta.textContent = "Search is unavailable just now: try again";
    }
  }

  function schedule() {
    clearTimeout(timer);
    // The dictionary file of a word depends on its first letters only: fetch it while typing.
    loadEngine().then((loaded) => loaded.prefetch(input.value));
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
    for (const field of dateInputs) field.value = "";
    setTimeout(() => {
      runSearch();
      input.focus();
    });
  });
  for (const key of FILTER_KEYS) selects[key].addEventListener("change", runSearch);
  for (const field of dateInputs) field.addEventListener("input", schedule);
  more.addEventListener("click", () =>
    showMore(generation).catch(() => {
      meta.textContent = "Search is unavailable just now: try again";
    }),
  );
})();
