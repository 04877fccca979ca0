import codecs
import gzip

import ftfy
import pytest

from converter.decode import decode, decode_html
from converter.errors import NotTextError, SeedDecodeError, SeedTooLargeError
from converter.read import clean_text, read_seed
from converter.rules import parse_seed
from converter.settings import Settings

TEXT = "Café “quoted” — £5 in Zürich\n\nSecond paragraph."


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1252"],
)
def test_decodes_every_common_encoding(raw):
    assert clean_text(decode(raw)) == TEXT


def test_latin1_pound_sign_as_in_real_scrapes():
    assert "£" in decode("It cost £3m to build, said the council.".encode("latin-1"))


def test_mojibake_is_repaired():
    assert clean_text("It\u00e2\u20ac\u2122s a deal") == "It’s a deal"


def test_control_characters_and_nuls_are_removed():
    assert clean_text("a\x00b\x07c\u200bd\r\ne") == "abcd\ne"


def test_non_breaking_spaces_become_spaces():
    assert clean_text("US\u00a0airstrike") == "US airstrike"


@pytest.mark.parametrize(
    "raw", [b"%PDF-1.7\n\x00\x01", b"\x89PNG\r\n\x1a\n\x00\x00", bytes(range(256)) * 4]
)
def test_binary_is_refused_as_not_text(raw):
    with pytest.raises(NotTextError, match="not text"):
        decode(raw)


def test_size_limit_is_enforced_with_a_clear_message():
    with pytest.raises(SeedTooLargeError, match="over the 10-byte limit"):
        read_seed("big", b"x" * 11, Settings(max_seed_bytes=10))


def test_read_seed_keeps_the_stem():
    assert read_seed("000_abc", b"Title\n\nBody.").stem == "000_abc"


# ---- binary files, and text that only looks like one -------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n",
        b"\x7fELF\x02\x01\x01\x00" + bytes(56),
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
        b"BM\x46\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00",
        b"RIFF\x24\x08\x00\x00WAVEfmt ",
        b"ID3\x04\x00\x00\x00\x00\x00\x23",
        b"\x00" * 64,
    ],
    ids=["gif", "zip", "pdf", "elf", "jpeg", "bmp", "wav", "mp3", "nuls"],
)
def test_binary_formats_are_refused(raw):
    with pytest.raises(NotTextError, match="not text"):
        decode(raw)


@pytest.mark.parametrize(
    "headline",
    ["BMW recalls 300,000 cars", "RIFF between allies deepens", "ID3 tags explained", "MZ Motors"],
)
def test_headlines_that_start_like_a_magic_number_are_text(headline):
    raw = f"{headline}\n\nThe story.\n".encode()
    assert decode(raw) == raw.decode()


def test_a_text_with_a_binary_tail_is_refused():
    with pytest.raises(NotTextError):
        decode(b"Headline\n\nBody.\n" + bytes(range(32)) * 200)


# ---- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Привет мир\n\nВторой абзац текста здесь, с подробностями.",
        "中文标题\n\n这是第二段文字。今天天气很好，我们去公园散步吧。\n",
        "Ελλάδα: νέα μέτρα\n\nΗ κυβέρνηση ανακοίνωσε νέα μέτρα.",
    ],
    ids=["russian", "chinese", "greek"],
)
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_in_any_script(text, encoding):
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize("raw", [TEXT.encode("utf-16"), TEXT.encode("utf-16-le")])
def test_utf16_cut_short_keeps_all_but_the_last_half_character(raw):
    assert decode(raw[:-1]) == TEXT[:-1] + "\ufffd"


def test_utf8_bom_with_a_stray_byte():
    assert decode(codecs.BOM_UTF8 + b"Title\n\nBody \x93quoted\x94 here.") == (
        "Title\n\nBody “quoted” here."
    )


def test_stray_windows_1252_bytes_in_utf8_keep_the_utf8_around_them():
    raw = (
        "Zürich café — “ok”. ".encode()
        + b"Then \x93a waste\x94 and \x85 more. "
        + "Müller.".encode()
    )
    assert clean_text(decode(raw)) == "Zürich café — “ok”. Then “a waste” and … more. Müller."


def test_a_short_latin1_headline_is_not_mistaken_for_cjk():
    text = "Ångström über Niño: señor Muñoz wins\n\nSecond paragraph."
    assert decode(text.encode("latin-1")) == text


def test_cyrillic_windows_1251_is_detected():
    text = (
        "Правительство объявило о новых мерах поддержки\n\n"
        "Министр финансов заявил, что новые меры помогут малому бизнесу пережить трудный год."
    )
    assert decode(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("It\u00e2\u20ac\u2122s", "It’s"),
        ("\u00e2\u20ac\u0153landmark\u00e2\u20ac\x9d", "“landmark”"),
        ("caf\u00c3\u00a9 cr\u00c3\u00a8me", "café crème"),
        ("\u00c2\u00a35m", "£5m"),
    ],
)
def test_mojibake_variants_are_repaired(broken, fixed):
    assert clean_text(broken) == fixed


# ---- cleaning ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "one\r\ntwo",
        "one\rtwo",
        "one\u2028two",
        "one\u2029two",
        "one\x0btwo",
        "one\x0ctwo",
        "one\x1etwo",
    ],
)
def test_every_kind_of_line_break_becomes_a_newline(text):
    assert clean_text(text) == "one\ntwo"


def test_bidi_overrides_go_but_direction_marks_stay():
    assert clean_text("a\u202eb\u202cc \u2066d\u2069 \u200fשלום\u200f") == "abc d \u200fשלום\u200f"


def test_joiners_stay_inside_emoji_and_scripts_but_not_between_ascii():
    family = "👨\u200d👩\u200d👧"
    persian = "می\u200cخواهم"
    assert clean_text(f"{family} {persian} Ker\u200dry\u200c") == f"{family} {persian} Kerry"


def test_non_characters_and_terminal_escapes_are_removed():
    assert clean_text("a\ufdd0b\U0001fffec\uffffd \x1b[31mred\x1b[0m") == "abcd red"


def test_emoji_rtl_and_combining_marks_survive():
    text = "🎉 🇬🇧 سلام שלום e\u0301"
    assert clean_text(text) == "🎉 🇬🇧 سلام שלום é"


# ---- size --------------------------------------------------------------------------------


def test_a_seed_exactly_at_the_limit_is_read():
    raw = b"Title\n\nBody." + b" " * 100
    assert read_seed("edge", raw, Settings(max_seed_bytes=len(raw))).text.startswith("Title")


def test_the_default_limit_is_2_mb_and_says_so():
    limit = Settings().max_seed_bytes
    assert limit == 2 * 1024 * 1024
    with pytest.raises(SeedTooLargeError, match="3,145,728 bytes, over the 2,097,152-byte limit"):
        read_seed("big", b"x" * (3 * 1024 * 1024))


def test_mojibake_repair_reads_only_the_lines_it_could_change(monkeypatch):
    """Counted, not timed: ftfy (slow per call) sees the one line with mojibake, not the
    290,000 plain lines around it (benchmarks/pathological.py times the same seed)."""
    repaired: list[str] = []

    def fix_text(line: str, config: ftfy.TextFixerConfig) -> str:
        repaired.append(line)
        return real_fix_text(line, config)

    real_fix_text = ftfy.fix_text
    monkeypatch.setattr(ftfy, "fix_text", fix_text)
    raw = b"Headline\n\n" + b"share\n\n" * 290_000 + "caf\u00c3\u00a9\n".encode()
    seed = read_seed("lines", raw)
    assert repaired == ["caf\u00c3\u00a9"]
    assert seed.text.startswith("Headline") and seed.text.rstrip().endswith("caf\u00e9")


PAGE = "<html><head>{meta}<title>Café owners in Zürich</title></head><body><h1>Café owners in \
Zürich</h1><p>“We are not naïve,” said Zoë Müller, who runs a café by the lake in Zürich.</p>\
<p>The levy of €5 a table will cost the city’s cafés dearly, the owners said.</p></body></html>"


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [
        ('<meta charset="windows-1252">', "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "cp1252"),
        ("<meta charset='utf-8'>", "utf-8"),
    ],
)
def test_a_page_is_decoded_as_its_meta_tag_declares(meta, encoding):
    raw = PAGE.format(meta=meta).encode(encoding)
    assert decode_html(raw) == PAGE.format(meta=meta)


def test_a_page_declared_latin1_but_saved_as_utf8_is_read_as_utf8():
    meta = '<meta charset="iso-8859-1">'
    assert decode_html(PAGE.format(meta=meta).encode("utf-8")) == PAGE.format(meta=meta)


def test_a_cyrillic_page_follows_its_declaration():
    text = "<html><head><meta charset='windows-1251'></head><body><p>Привет, мир</p></body></html>"
    assert decode_html(text.encode("cp1251")) == text


def test_an_html_seed_is_read_as_a_page_and_a_binary_one_refused():
    seed = read_seed("cafe.html", PAGE.format(meta="").encode("utf-8"))
    assert seed.format == "html" and seed.facts.title == "Café owners in Zürich"
    assert seed.text.startswith("Café owners in Zürich\n\n“We are not naïve,” said Zoë Müller")
    with pytest.raises(NotTextError):
        read_seed("picture.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(SeedTooLargeError):
        read_seed("huge.htm", b"<p>" * 10, Settings(max_seed_bytes=20))


def test_ascii_text_is_cleaned_as_any_text():
    """ASCII text takes a shorter way (only its controls can go): every ASCII character fares
    as it does in a text with a character outside ASCII on its last line."""
    ascii_text = "".join(map(chr, range(128))) + "\r\nA line\rand &amp; more\x0b"
    cleaned = clean_text(ascii_text)
    assert cleaned.isascii() and "\x00" not in cleaned and "\x7f" not in cleaned
    assert clean_text(ascii_text + "\u00e9") == cleaned + "\u00e9"


# ---- compressed seeds, and a page's source under any name ---------------------------
SAVED_PAGE = (
    "<!DOCTYPE html><html><head><title>Ferry service resumes | Island News</title></head><body>"
    "<article><h1>Ferry service resumes</h1><p>The ferry service between the islands resumed "
    "on Thursday after a strike of two weeks, the operator said in a statement.</p>"
    "<p>Timetables are as before, and tickets bought for cancelled crossings stay valid until "
    "the end of the month.</p></article></body></html>"
)


@pytest.mark.parametrize("name", ["ferry.html.gz", "ferry.HTML.GZ", "ferry.gz"])
def test_a_compressed_seed_reads_as_its_content(name):
    raw = gzip.compress(SAVED_PAGE.encode("utf-8"))
    seed = read_seed(name, raw)
    plain = read_seed("ferry.html", SAVED_PAGE.encode("utf-8"))
    assert seed.format == "html" and seed.text == plain.text and seed.facts == plain.facts
    assert seed.stem == name  # the seed keeps its own name: pages and the manifest trace to it


def test_a_compressed_text_seed_reads_as_text():
    assert read_seed("a.txt.gz", gzip.compress(b"Headline\n\nBody.")).text == "Headline\n\nBody."


def test_a_compression_bomb_is_refused_by_its_unpacked_size():
    raw = gzip.compress(b"a" * (Settings().max_seed_bytes + 10))
    assert len(raw) < 10_000
    with pytest.raises(SeedTooLargeError, match="unpacks to over"):
        read_seed("bomb.txt.gz", raw)


@pytest.mark.parametrize(
    ("raw", "error", "reason"),
    [
        (gzip.compress(b"Headline\n\nBody.")[:12], SeedDecodeError, "truncated gzip"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage", SeedDecodeError, "broken gzip"),
        (gzip.compress(gzip.compress(b"Headline")), NotTextError, "gzip file inside"),
    ],
)
def test_a_broken_or_nested_gzip_is_a_named_failure(raw, error, reason):
    with pytest.raises(error, match=reason):
        read_seed("x.txt.gz", raw)


@pytest.mark.parametrize("name", ["harbour.txt", "harbour.php", "harbour"])
@pytest.mark.parametrize("opening", ["", "\n  ", '<?xml version="1.0"?>\n', "<!-- saved -->\n"])
def test_a_pages_source_under_any_name_reads_as_the_saved_page(name, opening):
    markup = SAVED_PAGE.replace("<!DOCTYPE html>", opening + "<!DOCTYPE html>")
    seed = parse_seed(read_seed(name, markup.encode("utf-8")))
    assert seed.format == "html" and seed.title == "Ferry service resumes"


def test_an_article_quoting_markup_stays_text():
    text = b"<html> is the first tag of a page\n\nThe tag opens every page, the course said.\n"
    assert read_seed("tags.txt", text).format == "text"
