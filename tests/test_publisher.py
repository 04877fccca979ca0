"""Publisher from copyright lines; an agency's copyright credits the story instead."""

import pytest

from converter.rules.publisher import copyright_holder, take_publisher
from converter.rules.state import split_lines


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("© 2019 The Printers (Mysore)", "The Printers (Mysore)"),
        ("All contents © 2012 ReveNews", "ReveNews"),
        ("Copyright © 2012 by The Atlantic Monthly Group. All Rights Reserved.",
         "The Atlantic Monthly Group"),
        ("Guardian Unlimited © Guardian News and Media Limited 2008",
         "Guardian News and Media Limited"),
        ("© New Statesman 1913 - 2012", "New Statesman"),
        ("Content Copyright © 2002-2012, R. Albert Mohler, Jr.", "R. Albert Mohler"),
        ("Copyright & Permission Rules", ""),
        ("Terms of Use|Privacy Policy|Copyright Compliance Policy", ""),
        ("© 2008", ""),
        ("© MMVIII, CBS Television Stations Inc. All Rights Reserved.",
         "CBS Television Stations Inc"),
        ("&copy; 2008 Earl G. Graves, Ltd.", "Earl G. Graves"),
        ("Copyright © 2008-2012 NikonRumors.com", "NikonRumors.com"),
        ("© AUTOSPORT.COM TERMS OF SERVICE PRIVACY POLICY", "AUTOSPORT.COM"),
        ("© TEAMtalk.com 2007 Pictures from Getty Images", "TEAMtalk.com"),
        ("All content copyright World Soccer News.com 1996 - 2007.", "World Soccer News.com"),
        ("Copyright 2008 Acme - VAT 01145141006", "Acme - VAT 01145141006"),
        ("All Content is Copyright © 2008", ""),
        ("copyright (c)", ""),
        ("© Copyright", ""),
        ("Copyright Acme", ""),
    ],
)
def test_copyright_holders(line, holder):
    assert copyright_holder(line) == holder


def test_site_copyright_is_the_publisher_and_an_agency_copyright_the_source():
    text = (
        "Headline\nThe story.\n"
        "Copyright 2008 Associated Press. All rights reserved.\n"
        "© 2008 The Akron Beacon Journal • 44 E. Exchange Street"
    )
    state = take_publisher(split_lines("s", text))
    assert (state.publisher, state.source) == ("The Akron Beacon Journal", "Associated Press")
    assert len(state.lines) == 4
