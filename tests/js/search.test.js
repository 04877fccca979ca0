// The query side of the archive's search (archive-search.js), under Node's own test runner: the
// vectors it shares with static_search.py, and the engine over an index that static_search.py
// builds (run through the project's Python: PYTHON, else .venv/bin/python).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const REPO = path.resolve(__dirname, "..", "..");
const core = require(path.join(REPO, "converter/site/templates/assets/javascripts/archive-search.js"));
const spec = JSON.parse(fs.readFileSync(path.join(REPO, "tests/fixtures/search_spec.json"), "utf8"));

test("words are split and lower-cased as static_search.words does", () => {
  for (const [text, expected] of spec.words) assert.deepEqual(core.words(text), expected, text);
});

test("a word goes to the dictionary file static_search.dictionary_key gives", () => {
  for (const [word, files, key] of spec.dictionary_key) assert.equal(core.dictionaryKey(word, files), key, word);
});

test("a word weighs in a document what static_search.impact stores", () => {
  for (const [frequency, length, average, value] of spec.impact) {
    assert.equal(core.impact(frequency, length, average), value, `${frequency} ${length} ${average}`);
  }
  for (const [frequency, documents, value] of spec.idf) {
    assert.ok(Math.abs(core.idf(frequency, documents) - value) < 1e-12, `${frequency} of ${documents}`);
  }
});

test("edit distance counts a swap of neighbours as one edit and stops past the limit", () => {
  assert.equal(core.editDistance("claims", "calims", 1), 1);
  assert.equal(core.editDistance("claims", "clams", 1), 1);
  assert.equal(core.editDistance("claims", "claimss", 1), 1);
  assert.equal(core.editDistance("claims", "clients", 1), 2); // limit + 1
  assert.equal(core.editDistance("government", "goverment", 2), 1);
  assert.equal(core.editDistance("government", "govrenmetn", 2), 2);
  assert.equal(core.editDistance("café", "cafe", 1), 1); // characters, not bytes
});

test("regular inflections of a word share its base; derived and merely similar words do not", () => {
  const same = [["stage", "stages", "staged", "staging"], ["reform", "reforms", "reformed", "reforming"],
    ["study", "studies", "studied"], ["stop", "stops", "stopped", "stopping"], ["box", "boxes"], ["bus", "buses"]];
  for (const family of same) {
    for (const word of family) assert.equal(core.inflectionBase(word), core.inflectionBase(family[0]), word);
  }
  for (const [a, b] of [["federer", "federal"], ["election", "elected"], ["general", "generally"]]) {
    assert.notEqual(core.inflectionBase(a), core.inflectionBase(b), `${a} ${b}`);
  }
});

test("a query's words, phrases and the prefix still being typed", () => {
  const query = core.parseQuery('"general election" in Kenya gov');
  assert.deepEqual(query.tokens, ["general", "election", "in", "kenya", "gov"]);
  assert.deepEqual(query.phrases, [["general", "election"]]);
  assert.equal(query.prefix, "gov");
  assert.equal(core.parseQuery("Kenya gov ").prefix, "");
  assert.equal(core.parseQuery("Kenya go").prefix, ""); // too short to stand for completions
  assert.deepEqual(core.parseQuery('"open phrase').phrases, [["open", "phrase"]]);
  const long = core.parseQuery(Array.from({ length: 30 }, (_, i) => `word${i}`).join(" "));
  assert.equal(long.tokens.length, 12);
  assert.ok(long.truncated);
});

test("typos in the first letters send a word to these neighbouring dictionary files", () => {
  assert.deepEqual(core.typoPrefixes("calims"), ["aclims", "claims", "cailms", "alims", "clims", "caims"]);
});

// --- the engine over a real index ---------------------------------------------------------

const DOCS = [
  // newest first, the undated last: the position is the document number
  { url: "a/", date: "2016-09-21", title: "Dogged Federer claims Dubai crown", text: "Federer beat Ljubicic in the final." },
  {
    url: "b/",
    date: "2016-09-21",
    title: "Federer claims Dubai crown",
    text: "World number one Roger Federer added the Dubai Championship trophy to his long list of successes. " +
      "The Swiss star, who had not lost a match in Dubai for years, claimed the crown again.",
  },
  { url: "c/", date: "2016-09-02", title: "Voters go to the polls", text: "The elections were held on Sunday across the country.", actors: ["Key"] },
  { url: "d/", date: "2016-01-31", title: "A new chamber", text: "The election of a speaker was the first business of the chamber." },
  { url: "e/", date: "2015-12-31", title: "Budget talks", text: "The government and the governor met on the general budget; in general, talks went well." },
  { url: "f/", date: "1996-08-31", title: "Snap vote", text: "Key called a snap general election for the autumn.", actors: ["Key"] },
  { url: "g/", date: "1996-08-30", title: "Barbecue season", text: "Families bought bbqs and charcoal before the long weekend." },
  {
    url: "h/",
    title: "__proto__ and constructor",
    text: "Words an object already has: __proto__ constructor toString.",
    actors: ["constructor", "__proto__"],
  },
  { url: "i/", title: "Rail news", text: "The train was late again." },
  { url: "j/", title: "Walks", text: "Mountain trails were closed." },
];

function buildIndex(docs) {
  const python = process.env.PYTHON || path.join(REPO, ".venv", "bin", "python");
  const script = [
    "import base64, json, sys",
    "from converter.site.static_search import SearchDoc, build_index",
    "docs = [SearchDoc(url=d['url'], title=d['title'], source='Reuters', date=d.get('date', ''),",
    "                  text=d['text'],",
    "                  filters={'actor': tuple(d.get('actors', ()))}) for d in json.load(sys.stdin)]",
    "print(json.dumps({path: base64.b64encode(data).decode() for path, data in build_index(docs)}))",
  ].join("\n");
  const files = JSON.parse(execFileSync(python, ["-c", script], { cwd: REPO, input: JSON.stringify(docs) }));
  return new Map(Object.entries(files).map(([file, data]) => [file, Buffer.from(data, "base64")]));
}

const INDEX = buildIndex(DOCS);

// The documents whose records a search read: the records lying wholly in the ranges of the
// shard it fetched past the shard's table (the index's shards hold 64 documents, more than DOCS).
function documentsRead(fetched) {
  const shard = INDEX.get("doc/0.bin");
  const offset = (slot) => shard.readUInt32LE(4 * slot);
  const ranges = fetched.filter((file) => file.startsWith("doc/0.bin ")).map((file) => file.split(" ")[1].split("-").map(Number));
  return DOCS.map((_, slot) => slot).filter((slot) => ranges.some(([start, end]) => start <= offset(slot) && offset(slot + 1) <= end && start >= offset(0)));
}

// The index as a host serving range requests gives it; every fetch is logged as "file" or
// "file start-end".
function engine() {
  const fetched = [];
  const search = core.createEngine({
    async json(file) {
      fetched.push(file);
      return INDEX.has(file) ? JSON.parse(INDEX.get(file).toString("utf8")) : null;
    },
    async bytes(file, start, end) {
      fetched.push(`${file} ${start}-${end}`);
      return INDEX.has(file) ? new Uint8Array(INDEX.get(file).subarray(start, end)) : null;
    },
  });
  return { search, fetched };
}

async function urls(term) {
  const answer = await engine().search.search(term);
  return (await answer.next()).map((result) => result.url);
}

test("a query equal to a title puts that article first", async () => {
  assert.deepEqual((await urls("Federer claims Dubai crown")).slice(0, 2), ["b/", "a/"]);
  assert.deepEqual((await urls("Dogged Federer claims Dubai crown"))[0], "a/");
});

test("another form of a word finds the article, after those with the form as typed", async () => {
  assert.deepEqual(await urls("elections"), ["c/", "f/", "d/"]);
  assert.deepEqual(await urls("election"), ["f/", "d/", "c/"]);
  assert.deepEqual(await urls("claimed"), ["b/", "a/"]);
});

test("a word never seen finds the stem of the known word it extends", async () => {
  assert.deepEqual(await urls("governors"), ["e/"]);
  assert.deepEqual(await urls("chambers"), ["d/"]);
});

test("a plural the stemmer keeps is still another form", async () => {
  assert.deepEqual(await urls("bbq"), ["g/"]);
});

test("a typo finds the words one edit away, below the word as typed", async () => {
  assert.deepEqual(await urls("chamebr"), ["d/"]); // neighbours swapped after the first letters
  assert.deepEqual((await urls("ecletions")).sort(), ["c/", "d/", "f/"]); // ... and within them
  assert.deepEqual(await urls("Federer Dubia"), ["a/", "b/"]);
  assert.deepEqual(await urls("trains"), ["i/", "j/"]); // train (another form), then trails
  assert.deepEqual(await urls("chamber chamebr"), ["d/"]);
});

test("all words must match, and the last one also stands for its completions", async () => {
  assert.deepEqual(await urls("federer election"), []);
  assert.deepEqual(await urls("gov"), ["e/"]);
  assert.deepEqual(await urls("snap gen"), ["f/"]);
});

test("a quoted phrase matches its words in that order only", async () => {
  assert.deepEqual(await urls("general election"), ["f/"]);
  assert.deepEqual(await urls("general budget"), ["e/"]);
  assert.deepEqual(await urls('"general budget"'), ["e/"]);
  assert.deepEqual(await urls('"budget general"'), []);
  assert.deepEqual(await urls('"in general'), ["e/"]); // an open quote: the phrase so far
});

test("empty, one-letter, very long and unknown queries get a clear answer", async () => {
  const ask = async (term) => engine().search.search(term);
  assert.equal((await ask("")).message, "No words to search for");
  assert.equal((await ask("'`;--")).message, "No words to search for");
  assert.equal((await ask("a")).message, "Type two letters or more");
  const long = await ask("Federer ".repeat(25));
  assert.deepEqual((await long.next()).map((r) => r.url), ["a/", "b/"]);
  const many = await ask(Array.from({ length: 20 }, (_, i) => `federer${"x".repeat(i)}`).join(" "));
  assert.match(many.notes.join(" "), /first 12 words/);
  const unknown = await ask("federer xyzzyq");
  assert.match(unknown.notes.join(" "), /xyzzyq/);
  assert.deepEqual((await unknown.next()).map((r) => r.url), ["a/", "b/"]);
  assert.equal((await ask("x".repeat(200))).total, 0);
  assert.match((await ask("the")).message, /in most articles/);
});

test("empty, one-letter and 200-character queries are answered from the dictionary at most", async () => {
  for (const term of ["", "  ", "a", "x".repeat(200), "ab ".repeat(67)]) {
    const { search, fetched } = engine();
    const answer = await search.search(term);
    assert.deepEqual(await answer.next(), [], term);
    assert.deepEqual(fetched.filter((file) => !/^(meta|dict\/\d+)\.json$/.test(file)), [], term);
    assert.ok(fetched.filter((file) => file.startsWith("dict/")).length <= 7, fetched); // and its typo files
  }
});

test("words and names an object already has are words and names like any other", async () => {
  assert.deepEqual(await urls("__proto__"), ["h/"]);
  assert.deepEqual(await urls("constructor tostring"), ["h/"]);
  assert.deepEqual(await urls("hasownproperty"), []);
  const { search } = engine();
  const [result] = await (await search.search("words")).next();
  for (const [value, key] of result.filters.actor) {
    const filtered = await search.search("words", { actor: { key, value } });
    assert.deepEqual((await filtered.next()).map((r) => r.url), ["h/"], value);
  }
  const other = await search.search("words", { actor: { key: result.filters.actor[0][1], value: "valueOf" } });
  assert.equal(other.total, 0);
});

test("a query fetches its dictionary files, postings of rare words and the results only", async () => {
  const { search, fetched } = engine();
  await (await search.search("Federer claims Dubai crown")).next();
  assert.ok(fetched.every((file) => /^((meta|dict\/\d+|post\/\d+)\.json|doc\/0\.bin \d+-\d+)$/.test(file)), fetched);
  assert.equal(new Set(fetched).size, fetched.length); // each file, or range, once
  assert.deepEqual(documentsRead(fetched), [0, 1]);
  // Two documents of one shard, one after the other: a range of its table, a range of their records.
  assert.equal(fetched.filter((file) => file.startsWith("doc/")).length, 2);
});

test("a long text's further parts are read from their ranges when a word is not found before", async () => {
  const long = Array.from({ length: 1500 }, (_, n) => `filler${n % 50}`).join(" ");
  const index = buildIndex([
    { url: "long/", title: "A long story", text: `${long} zanzibar` },
    ...["x/", "y/", "z/"].map((url) => ({ url, title: "Short", text: "Nothing much happened." })),
  ]);
  const fetched = [];
  const search = core.createEngine({
    json: async (file) => JSON.parse(index.get(file).toString("utf8")),
    async bytes(file, start, end) {
      fetched.push(`${start}-${end}`);
      return new Uint8Array(index.get(file).subarray(start, end));
    },
  });
  const results = await (await search.search('"filler49 zanzibar"')).next();
  assert.deepEqual(results.map((result) => result.url), ["long/"]);
  assert.ok(fetched.length > 3, fetched); // table, record, and at least two further parts
});

test("a search typed past fetches no postings and no documents", async () => {
  const { search, fetched } = engine();
  const answer = await search.search("Federer claims Dubai crown", {}, () => false);
  assert.ok(answer.superseded);
  assert.deepEqual(fetched.filter((file) => !/^(meta|dict\/\d+)\.json$/.test(file)), []);
});

// --- the date range ------------------------------------------------------------------------

test("a From or To date as typed stands for a day; a month or a year for its first or last day", () => {
  assert.equal(core.dateBound("1996-08-30", false), "1996-08-30");
  assert.equal(core.dateBound(" 1996-08 ", false), "1996-08-01");
  assert.equal(core.dateBound("1996-08", true), "1996-08-31"); // compared as text: any day of August
  assert.equal(core.dateBound("1996", true), "1996-12-31");
  assert.equal(core.dateBound("", true), "");
  assert.equal(core.dateBound(undefined, false), "");
  for (const bad of ["30/08/1996", "1996-13", "1996-08-32", "1996-00-10", "<b>", "../1996"]) {
    assert.equal(core.dateBound(bad, false), null, bad);
  }
});

test("the run of a date range holds exactly the documents dated in it, never the undated", () => {
  const table = JSON.parse(INDEX.get("dates/months.json"));
  const days = new Map(table.months.map(([month]) => [month, JSON.parse(INDEX.get(`dates/${month}.json`))]));
  const shift = (date, by) => new Date(Date.parse(date) + by * 86_400_000).toISOString().slice(0, 10);
  const dated = DOCS.map((doc) => doc.date ?? "");
  const bounds = [""];
  for (const date of new Set(dated.filter(Boolean))) bounds.push(date, shift(date, -1), shift(date, 1));
  bounds.push("1990-01-01", "2030-12-31", "2016-05-15", "2016-09-01", "2016-09-30");
  for (const from of bounds) {
    for (const to of bounds) {
      if (!from && !to) continue;
      const { start, end } = core.dateRun(table, days, from, to);
      const expected = dated.flatMap((date, n) => (date && (!from || date >= from) && (!to || date <= to) ? [n] : []));
      const run = Array.from({ length: end - start }, (_, i) => start + i);
      assert.deepEqual(run, expected, `${from} to ${to}`);
    }
  }
});

// A filter value's file, as static_search.filter_bucket names it.
const keyOf = (value) => require("node:crypto").createHash("sha256").update(value).digest("hex").slice(0, 2);

async function dated(term, dates, chosen = {}) {
  const { search, fetched } = engine();
  const answer = await search.search(term, chosen, () => true, dates);
  const found = [];
  for (let page = await answer.next(); page.length; page = await answer.next()) found.push(...page);
  return { answer, urls: found.map((result) => result.url), dates: found.map((r) => r.date), fetched };
}

test("a date range narrows the results to the articles dated in it", async () => {
  assert.deepEqual((await dated("election", {})).urls, ["f/", "d/", "c/"]);
  assert.deepEqual((await dated("election", { from: "2016-01-01" })).urls, ["d/", "c/"]);
  assert.deepEqual((await dated("election", { to: "2016-01-30" })).urls, ["f/"]);
  assert.deepEqual((await dated("election", { from: "2016-01-31", to: "2016-01-31" })).urls, ["d/"]);
  assert.deepEqual((await dated("federer", { from: "2016-09" })).urls, ["a/", "b/"]);
  assert.deepEqual((await dated("federer", { to: "2016-09-20" })).urls, []);
  assert.deepEqual((await dated("election", { from: "2000" }, { actor: { key: "actor/" + keyOf("Key"), value: "Key" } })).urls, ["c/"]);
  const results = await dated("the", { from: "1996-08-30", to: "1996-08-31" });
  assert.deepEqual(results.urls.sort(), ["f/", "g/"]); // a common word, searched in a narrow range
  assert.deepEqual(results.dates.sort(), ["1996-08-30", "1996-08-31"]);
});

test("dates alone list the range's articles newest first; bad or crossed dates say so", async () => {
  const listed = await dated("", { from: "2016-01-31", to: "2016-09-02" });
  assert.deepEqual(listed.urls, ["c/", "d/"]);
  assert.equal(listed.answer.total, 2);
  assert.deepEqual((await dated("  ", { from: "1990" })).urls, ["a/", "b/", "c/", "d/", "e/", "f/", "g/"]);
  assert.equal((await dated("", { from: "2017-01-01" })).answer.message, "No articles in this date range");
  assert.equal((await dated("federer", { from: "2017-01-01" })).answer.message, "No articles in this date range");
  assert.equal((await dated("federer", { from: "2016-09-21", to: "2016" })).urls.length, 2);
  assert.match((await dated("federer", { from: "2016-09-22", to: "2016-09-21" })).answer.message, /after/);
  assert.match((await dated("federer", { to: "21/09/2016" })).answer.message, /YYYY-MM-DD/);
  assert.equal((await dated("", {})).answer.message, "No words to search for");
});

test("the date tables are fetched only when a date is set, and then only the months needed", async () => {
  const plain = await dated("election", {});
  assert.deepEqual(plain.fetched.filter((file) => file.startsWith("dates/")), []);
  const ranged = await dated("election", { from: "2016-01-31", to: "2016-09-02" });
  assert.deepEqual(ranged.fetched.filter((file) => file.startsWith("dates/")).sort(), [
    "dates/2016-01.json",
    "dates/2016-09.json",
    "dates/months.json",
  ]);
  // A range of a page or less of articles is searched in their text: no postings fetched.
  assert.deepEqual(ranged.fetched.filter((file) => file.startsWith("post/")), []);
  assert.deepEqual(documentsRead(ranged.fetched), [2, 3]);
});
