"""Every way a page names its site, and whether a text is that name."""

from converter.html import parse_page
from converter.page.site import declared_site, is_site_name, own_host, site_names


def test_a_headline_that_names_the_site_is_not_the_site():
    sites = ("Facebook", "Calgary Sun")
    assert is_site_name("Facebook", sites)
    assert is_site_name("The Calgary Sun", sites)
    assert not is_site_name("Facebook buys a photo-sharing app for $1bn", sites)


def test_the_site_is_named_by_its_markup_its_home_link_and_its_host():
    tree = parse_page(
        "<html><head><meta property='og:site_name' content='The Coast Times'></head><body>"
        "<a href='/'><img alt='Coast Times'></a><a href='/'>Home</a>"
        "<p>© 2024 Coast Media Group. All rights reserved.</p></body></html>"
    )
    declared = declared_site(tree)
    assert declared == "The Coast Times"
    assert site_names(tree, declared, "www.coasttimes.example") == (
        "The Coast Times",
        "Coast Media Group",
        "Coast Times",
        "coasttimes",
        "example",
    )


def test_the_sites_host_is_its_address_else_where_most_of_its_text_links_go():
    own = "".join(
        f"<a href='{href}'>{label}</a>"
        for href, label in (
            ("http://www.coasttimes.example/news", "News"),
            ("https://coasttimes.example/sport", "Sport"),
            ("http://www.coasttimes.example/about", "About"),
            ("https://share.example.org/?u=1", "Share"),
        )
    )
    adverts = "<a href='http://ads.example.net/click'><img alt=''></a>" * 5
    links = own + adverts
    tree = parse_page(f"<html><body>{links}</body></html>")
    assert own_host(tree, "https://www.coast.example/2024/06/wall") == "www.coast.example"
    assert own_host(tree, "") == "coasttimes.example"
    assert own_host(parse_page("<p><a href='http://a.example/'>A</a></p>"), "") == ""
