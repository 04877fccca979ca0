import pytest

from converter.rules.site_name import site_name


@pytest.mark.parametrize(
    "line",
    [
        "Cool Cat Teacher Blog",
        "Starpulse Entertainment News Blog",
        "Evening News Digest",
        "The Springfield Daily",
        "Go to Google News",
        "Skip to main content",
        "Jump to navigation",
        "Navigation: Jump to content areas:",
        "Make us your home page",
        "Make us your Homepage | Add to Favorites",
        "Home",
        "About Us",
        "HOME Baseball Football Basketball Draft Guides CONTACT Us",
        "Comment Rules Contact My Amazon Store Ask Submit Archive RSS",
        "Tags: archives, archives photo, photography",
        "Filed under: SAN JOSE , Staff , Prep basketball and the rest of the week's sections",
        "Director: Farah Khan",
        "Courtesy: San Jose State Athletics",
        "Photo by Kurt Christensen",
        "Images courtesy of NASA",
        "Location: The Press Association Newsdesk",
        "Previous Post: How I Get Things Done",
        "« Volkswagen sales grow once again",
        "Volkswagen investing heavily in Slovakia »",
        "Even luxury hotels aren't always cleaned as often as they should be Getty Images",
        "The defence ministry said troops had killed at least 33 separatists [EPA]",
        "Salman with Katrina (TOI Photo) More pics",
        "President Bush waves from the steps of Air Force One (AP Photo/Ron Edmonds)",
        "Send to a Friend",
        "MAIL THIS STORY PRINT FRIENDLY",
        "Flag as Inappropriate",
        "SIGN UP FOR OUR NEWSLETTER",
        "Got a tip?",
    ],
)
def test_a_site_name_or_a_menu_phrase_reads_as_the_site(line):
    site = site_name([line, "The story's first paragraph, as a sentence."])
    assert site.names(line)
    assert not site.names("The story's first paragraph, as a sentence.")


@pytest.mark.parametrize(
    "line",
    [
        "Back to School: what parents should buy",
        "Return to the moon delayed again",
        "Mayor opens the new bridge",
        "Council votes on the news of the closures at the old mill tonight",
        "Times change",
        "--- Breaking --- news ---",
        "the nutty nomads blog",
        "Summer Report: local papers",
        "Home Secretary to contact victims' families",
        "Archive footage shows the search for the missing climbers",
        "Photos: Sandy destruction in Lindenhurst (part 2)",
        "Mowbray: Delighted with display",
        "Credit Suisse cuts 5,000 jobs",
        "Cast away on a desert island for a year",
        "Related charges dropped against the mayor",
        "Getty Images buys a rival picture agency",
        "Shutterstock agrees to buy Getty Images",
        "« Le Monde » accuse le gouvernement",
        "Photos of the year (2012)",
        "Mayor writes to a friend",
        "Newsletter editors sign up for strike",
    ],
)
def test_a_headline_is_not_the_site(line):
    assert not site_name([line]).names(line)


def test_the_copyright_holder_names_the_site_at_the_top():
    page = [
        "Radio New Zealand - Te Reo Irirangi o Aotearoa",
        "Cook Republic",
        "Summer Report: local papers",
        "Radio New Zealand wins an award for its coverage of the floods this year",
        "© 2008 Radio New Zealand",
        "© 2012 Cook Republic Pty. All Rights Reserved.",
    ]
    site = site_name(page)
    assert [site.names(line) for line in page[:4]] == [True, True, False, False]


def test_a_short_holder_names_nothing():
    site = site_name(["AP", "BBC", "© 2008 AP", "Copyright BBC 2008"])
    assert not site.names("AP")
    assert not site.names("BBC")
