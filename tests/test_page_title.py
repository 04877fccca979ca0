"""A page's title and address: the headline part, the site's part, the address's words."""

from converter.page.title import title_core, without_site


def test_a_title_with_the_site_first_and_a_section_keeps_only_the_headline():
    assert title_core("Coast Times - Local news - Harbour wall approved", ("Coast Times",)) == (
        "Harbour wall approved"
    )
    assert without_site("Harbour wall approved: a long fight | Coast Times", ("Coast Times",)) == (
        "Harbour wall approved: a long fight"
    )


def test_a_title_part_holding_an_address_is_the_sites():
    assert title_core("coasttimes.com: Harbour wall approved", ()) == "Harbour wall approved"
    assert title_core("Wall approved - News and features from Coast-Times.com", ()) == (
        "Wall approved"
    )
