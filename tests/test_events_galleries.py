"""Photo galleries: paragraphs that end in a photo's credit are captions, which tell past
scenes in the present tense. Our own sentences."""

from __future__ import annotations

from datetime import date

import pytest

import dateline
from dateline.timex import tag

DCT = "2018-05-11"  # a Friday
GALLERY = (
    "Pictures from the Chilean president's days in Peru.\n\n"
    "Chile's President arrives in Lima on Wednesday. (Photo: Ana Ruiz/EFE)\n\n"
    "Crowds wave flags as the motorcade passes the cathedral. (Photo: Ana Ruiz/EFE)\n"
)


@pytest.mark.slow
def test_a_gallery_caption_tells_an_arrival_that_occurred_on_the_day_before() -> None:
    events = [e for e in dateline.extract(GALLERY, dct=DCT)["events"] if e["type"] == "VISIT"]
    # not a plan for the Wednesday after (2018-05-16), as the present would say elsewhere
    assert [(e["status"], e["time"]["value"]) for e in events] == [("occurred", "2018-05-09")]


def test_a_weekday_in_a_caption_looks_back() -> None:
    caption = "Chile's President is greeted in Lima on Thursday. (Photo: Ana Ruiz/EFE)"
    gallery = f"Pictures from Peru.\n\n{caption}\n\nCrowds wave flags. (Photo: EFE)\n"
    found = {t.text: t.value for t in tag(gallery, date.fromisoformat(DCT))}
    assert found["Thursday"] == "2018-05-10"
    # the same sentence without the credit is a plan
    plain = gallery.replace(" (Photo: Ana Ruiz/EFE)", "")
    assert {t.text: t.value for t in tag(plain, date.fromisoformat(DCT))}[
        "Thursday"
    ] == "2018-05-17"
